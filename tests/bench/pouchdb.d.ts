/**
 * The little of PouchDB's API that the replication benchmark calls (sync.bench-entry.web.ts): PouchDB
 * is measured there as a candidate (issue 20), not used by the app, so its full typings are not a
 * dependency.
 */
declare module 'pouchdb-browser' {
  interface ReplicationResult {
    docs_written: number;
  }
  interface Replication extends Promise<ReplicationResult> {
    on(event: 'change', listener: (info: unknown) => void): Replication;
  }
  class PouchDB {
    constructor(name: string, options?: { adapter?: string; auth?: { username: string; password: string } });
    close(): Promise<void>;
    changes(options: { since: string | number; limit: number; include_docs: boolean }): Promise<unknown>;
    static plugin(plugin: unknown): void;
    static replicate(
      source: PouchDB,
      target: PouchDB,
      options?: { batch_size?: number; batches_limit?: number },
    ): Replication;
  }
  export default PouchDB;
}

declare module 'pouchdb-adapter-indexeddb' {
  const adapter: unknown;
  export default adapter;
}

/**
 * Where this PC syncs (issue 20, docs/architecture.md#the-connection): the server's URL, the
 * county's database and the user, one fact of the `installation` table, which backups do not carry
 * (shared/backup/upgrade.ts `UNBACKED_TABLES`): a restored backup keeps the PC's own binding. The
 * password is never here: the desktop shell keeps it (electron/main/sync-password.ts).
 */
import { bindingProblem, type SyncBinding } from '@shared/sync/connection';
import type { FieldProblem } from '@shared/domain/problems';
import { database } from '../database';
import { auditedWrite } from '../audited-write';
import { now } from '../clock';
import { RecordRejectedError } from '../problems';

/** The fact's key in the `installation` table. */
export const SYNC_BINDING_FACT = 'sync-binding';

interface SyncBindingFact extends SyncBinding {
  id: typeof SYNC_BINDING_FACT;
  savedAt: string;
}

function isBinding(value: unknown): value is SyncBindingFact {
  if (typeof value !== 'object' || value === null) return false;
  const fact = value as Record<string, unknown>;
  return typeof fact.serverUrl === 'string' && typeof fact.database === 'string' && typeof fact.user === 'string';
}

/** The binding saved on this PC, or null when none is. */
export async function readSyncBinding(): Promise<SyncBinding | null> {
  const found: unknown = await database().installation.get(SYNC_BINDING_FACT);
  if (!isBinding(found)) return null;
  return { serverUrl: found.serverUrl, database: found.database, user: found.user };
}

/** Saves the binding (the URL and the user trimmed), with an audit row; refused when it cannot be tried. */
export async function saveSyncBinding(input: SyncBinding): Promise<SyncBinding> {
  const binding: SyncBinding = { serverUrl: input.serverUrl.trim(), database: input.database, user: input.user.trim() };
  const problem = bindingProblem(binding);
  if (problem) {
    const field: FieldProblem['field'] = problem.startsWith('url')
      ? 'serverUrl'
      : problem.startsWith('user')
        ? 'user'
        : 'database';
    throw new RecordRejectedError([{ field, code: problem }]);
  }
  return auditedWrite([], async ({ db, record }) => {
    const before: unknown = await db.installation.get(SYNC_BINDING_FACT);
    const fact: SyncBindingFact = { id: SYNC_BINDING_FACT, ...binding, savedAt: now() };
    await db.installation.put(fact);
    await record({
      table: 'installation',
      recordId: SYNC_BINDING_FACT,
      action: isBinding(before) ? 'update' : 'create',
      before: isBinding(before) ? before : null,
      after: fact,
    });
    return binding;
  });
}

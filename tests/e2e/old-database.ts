/**
 * A database as an older version of the app left it, written with raw IndexedDB in the app's origin
 * before the app opens it: for the tests of what happens at the upgrade (docs/architecture.md#backups).
 */
import type { Page } from 'playwright-core';
import { SCHEMA_V1 } from '@renderer/db/schema/v1';
import { SCHEMA_V2 } from '@renderer/db/schema/v2';
import { appUrl } from './browser';

/** The object stores of schema version 2 as Dexie declares them (`++` auto-increment, `&` unique, `[a+b]` compound). */
function storesOfVersion2() {
  const tables: Record<string, string> = { ...SCHEMA_V1, ...SCHEMA_V2 };
  return Object.entries(tables).map(([name, spec]) => {
    const [primary = 'id', ...indexes] = spec.split(',').map((part) => part.trim());
    const keyPath = primary.replace('++', '');
    return {
      name,
      keyPath,
      autoIncrement: primary.startsWith('++'),
      indexes: indexes.map((index) => {
        const bare = index.replace('&', '');
        const compound = /^\[(.*)\]$/.exec(bare);
        return { name: bare, keyPath: compound ? (compound[1] ?? '').split('+') : bare, unique: index.startsWith('&') };
      }),
    };
  });
}

/**
 * Writes a version 2 database holding `records` (JavaScript source of an object: table name to
 * records, evaluated in the page, so it may hold what JSON can not), on a static file of the app's
 * origin, so the app finds it at its next start.
 */
export async function writeVersion2Database(page: Page, records: string): Promise<void> {
  await page.goto(`${appUrl()}icon.svg`);
  await page.evaluate(`new Promise((resolve, reject) => {
    const stores = ${JSON.stringify(storesOfVersion2())};
    const records = ${records};
    const request = indexedDB.open('point-to-point-planner', 20);
    request.onupgradeneeded = () => {
      for (const store of stores) {
        const created = request.result.createObjectStore(store.name, { keyPath: store.keyPath, autoIncrement: store.autoIncrement });
        for (const index of store.indexes) created.createIndex(index.name, index.keyPath, { unique: index.unique });
      }
    };
    request.onsuccess = () => {
      const db = request.result;
      const tx = db.transaction(Object.keys(records), 'readwrite');
      for (const [table, rows] of Object.entries(records)) for (const row of rows) tx.objectStore(table).put(row);
      tx.oncomplete = () => { db.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
    request.onerror = () => reject(request.error);
  })`);
}

/** The stored schema version of the app's database, as Dexie counts it (IndexedDB's version / 10). */
export async function storedSchemaVersion(page: Page): Promise<number | null> {
  return page.evaluate<number | null>(`indexedDB.databases().then((all) => {
    const info = all.find((database) => database.name === 'point-to-point-planner');
    return info === undefined || info.version === undefined ? null : info.version / 10;
  })`);
}

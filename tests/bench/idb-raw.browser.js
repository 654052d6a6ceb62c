// Loaded into the page by bench.ts as plain JavaScript: code that tsx compiles gets esbuild's
// __name helper, which does not exist inside the page.

/** Puts every record of `records` into a new database in one transaction; resolves with the ms it took. */
globalThis.benchIdbRawPut = async function benchIdbRawPut(name, records) {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('workers', { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const start = performance.now();
  await new Promise((resolve, reject) => {
    const tx = db.transaction('workers', 'readwrite');
    const store = tx.objectStore('workers');
    for (const record of records) store.put(record);
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  const elapsed = performance.now() - start;
  db.close();
  await new Promise((resolve) => {
    indexedDB.deleteDatabase(name).onsuccess = resolve;
  });
  return elapsed;
};

// Loaded into the page by bench.ts as plain JavaScript: code that tsx compiles gets esbuild's
// __name helper, which does not exist inside the page.

/**
 * Puts every record into a new database in one transaction, into a store with the given key path
 * and indexes (`{ name, unique }`); resolves with the ms it took.
 */
globalThis.benchIdbRawPut = async function benchIdbRawPut(name, records, keyPath, indexes) {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore('workers', { keyPath });
      for (const index of indexes) store.createIndex(index.name, index.name, { unique: index.unique });
    };
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

/**
 * Types `query` into the workers search box and resolves with the ms until the list shows the
 * answer: the count line changed and a row is on screen (or the count says nothing was found).
 */
globalThis.benchSearch = function benchSearch(query) {
  const input = document.querySelector('input[aria-label="搜索"], input[aria-label="Search"]');
  const count = () => document.querySelector('[data-testid="worker-count"]')?.textContent ?? '';
  const before = count();
  // Typing what the box holds already changes nothing on screen: nothing to wait for.
  if (input.value === query) return Promise.resolve(0);
  return new Promise((resolve) => {
    const start = performance.now();
    const done = () => {
      const now = count();
      const row = document.querySelector('[data-testid="worker-row"]');
      if (now !== before && (row?.textContent || /\b0\b|共 0 人/.test(now))) {
        observer.disconnect();
        resolve(performance.now() - start);
      }
    };
    const observer = new MutationObserver(done);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    setValue.call(input, query);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
};

/** Whether the app's workers directory has stored its snapshot in the `caches` table. */
globalThis.benchHasDirectorySnapshot = function benchHasDirectorySnapshot() {
  return new Promise((resolve) => {
    const open = indexedDB.open('point-to-point-planner');
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('caches')) {
        db.close();
        resolve(false);
        return;
      }
      const get = db.transaction('caches').objectStore('caches').get('workers-directory');
      get.onsuccess = () => {
        db.close();
        resolve(get.result !== undefined);
      };
    };
  });
};

/**
 * Drives the import page: in each animation frame, clicks its next button once it is usable
 * ("检查全部行", then "导入 N 行"), and resolves with the report's text once the report is on screen.
 * A person clicks what they see; Playwright's clicks wait for their retries, for the button to
 * stand still, and for a round trip each, which added about half a second of the harness's time
 * to the app's.
 */
globalThis.benchDriveImport = function benchDriveImport() {
  const steps = [/^检查全部行$/, /^导入 \d+ 行$/];
  return new Promise((resolve) => {
    const frame = () => {
      const report = document.querySelector('[data-testid="import-report"]');
      if (report) return resolve(report.innerText);
      const next = steps[0];
      const button =
        next && [...document.querySelectorAll('button')].find((b) => !b.disabled && next.test(b.textContent.trim()));
      if (button) {
        steps.shift();
        button.click();
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
};

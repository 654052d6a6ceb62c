// Loaded into the page by tests/bench/health.ts as plain JavaScript: code that tsx compiles gets
// esbuild's __name helper, which does not exist inside the page.

const DATABASE = 'point-to-point-planner';

function openDatabase() {
  return new Promise((resolve, reject) => {
    // No version: the one the app has just created, with every store it declares.
    const request = indexedDB.open(DATABASE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Puts records into the app's database in one transaction: `{ storeName: records[] }`; resolves with the ms. */
globalThis.benchHealthSeed = async function benchHealthSeed(stores) {
  const db = await openDatabase();
  const start = performance.now();
  await new Promise((resolve, reject) => {
    const tx = db.transaction(Object.keys(stores), 'readwrite');
    for (const [name, records] of Object.entries(stores)) {
      const store = tx.objectStore(name);
      for (const record of records) store.put(record);
    }
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  db.close();
  return performance.now() - start;
};

let rawDatabase = null;

/** Baseline: one bare IndexedDB get of a worker by primary key on a connection kept open; resolves with the ms. */
globalThis.benchHealthIdbGet = async function benchHealthIdbGet(id) {
  rawDatabase ??= await openDatabase();
  const start = performance.now();
  await new Promise((resolve, reject) => {
    const get = rawDatabase.transaction('workers').objectStore('workers').get(id);
    get.onsuccess = () => (get.result ? resolve() : reject(new Error(`no worker ${id}`)));
    get.onerror = () => reject(get.error);
  });
  return performance.now() - start;
};

function setValue(input, value) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  setter.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function pressEnter(target) {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }));
}

/** Resolves once `done()` is true, checked after every DOM change. */
function whenTrue(done) {
  return new Promise((resolve) => {
    if (done()) {
      resolve();
      return;
    }
    const observer = new MutationObserver(() => {
      if (done()) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Types a whole resident ID into the station's search field as a card reader does, then presses
 * Enter; resolves with the ms from Enter until the passenger's check form is on the page.
 */
globalThis.benchHealthLookup = async function benchHealthLookup(residentId, workerId) {
  const input = document.querySelector('input[role="combobox"]');
  if (!input) throw new Error('no station search field');
  setValue(input, residentId);
  await nextFrame();
  const start = performance.now();
  pressEnter(input);
  await whenTrue(() => document.querySelector(`[data-testid="check-form"][data-worker-id="${workerId}"]`) !== null);
  return performance.now() - start;
};

/**
 * Types a temperature into the open check form and presses Enter; resolves with the ms until the
 * progress figure "checked" shows `expectedChecked`.
 */
globalThis.benchHealthSave = async function benchHealthSave(temperature, expectedChecked) {
  const input = document.querySelector('[data-testid="check-form"] input[inputmode="decimal"]');
  if (!input) throw new Error('no check form');
  setValue(input, temperature);
  await nextFrame();
  const start = performance.now();
  pressEnter(input);
  await whenTrue(
    () =>
      document.querySelector('[data-testid="progress-checked"]')?.getAttribute('data-count') ===
      String(expectedChecked),
  );
  const elapsed = performance.now() - start;
  // The next lookup starts from the search field, as at the station.
  await whenTrue(() => document.querySelector('[data-testid="check-form"]') === null);
  return elapsed;
};

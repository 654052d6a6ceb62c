// Loaded into the page by tests/bench/plan-page.ts as plain JavaScript: code that tsx compiles gets
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

function finished(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** Puts records into the app's database in one transaction: `{ storeName: records[] }`. */
globalThis.benchPlanSeed = async function benchPlanSeed(stores) {
  const db = await openDatabase();
  const tx = db.transaction(Object.keys(stores), 'readwrite');
  for (const [name, records] of Object.entries(stores)) {
    const store = tx.objectStore(name);
    for (const record of records) store.put(record);
  }
  await finished(tx);
  db.close();
};

/** Empties the batches and assignments stores and puts `stores` back: the state before a save. */
globalThis.benchPlanReset = async function benchPlanReset(stores) {
  const db = await openDatabase();
  const tx = db.transaction(['batches', 'assignments'], 'readwrite');
  for (const name of ['batches', 'assignments']) {
    const store = tx.objectStore(name);
    store.clear();
    for (const record of stores[name] ?? []) store.put(record);
  }
  await finished(tx);
  db.close();
};

/** Baseline: one bare IndexedDB getAll of the workers store; resolves with the ms. */
globalThis.benchPlanIdbGetAll = async function benchPlanIdbGetAll() {
  const db = await openDatabase();
  const start = performance.now();
  const count = await new Promise((resolve, reject) => {
    const request = db.transaction('workers').objectStore('workers').getAll();
    request.onsuccess = () => resolve(request.result.length);
    request.onerror = () => reject(request.error);
  });
  const elapsed = performance.now() - start;
  db.close();
  if (count === 0) throw new Error('no workers');
  return elapsed;
};

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

function buttonNamed(pattern) {
  return [...document.querySelectorAll('button')].find((button) => pattern.test(button.textContent ?? ''));
}

/**
 * With the pool's filter just chosen (the proposal on screen, if any, is stale), clicks "generate"
 * and resolves with the ms until a proposal for the filter chosen is on the screen.
 */
globalThis.benchPlanGenerate = async function benchPlanGenerate() {
  const button = buttonNamed(/^生成方案$/);
  if (!button) throw new Error('no generate button');
  const start = performance.now();
  button.click();
  await whenTrue(
    () =>
      document.querySelector('[data-testid="planning-progress"]') === null &&
      document.querySelector('[data-testid="proposal"][data-stale="false"] [data-testid="total-vehicles"]') !== null,
  );
  return performance.now() - start;
};

/** Clicks "save N batches" and resolves with the ms until the app shows the batches list. */
globalThis.benchPlanSave = async function benchPlanSave() {
  const button = buttonNamed(/^保存 [\d,]+ 个批次$/);
  if (!button) throw new Error('no save button');
  const start = performance.now();
  button.click();
  const failure = () => document.querySelector('[data-testid="save-error"], [data-testid="save-stopped"]');
  await whenTrue(() => location.hash === '#/batches' || failure() !== null);
  if (failure()) throw new Error(`the save failed: ${failure()?.textContent ?? ''}`);
  return performance.now() - start;
};

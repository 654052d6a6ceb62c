// Loaded into the page by tests/bench/followup.ts as plain JavaScript: code that tsx compiles gets
// esbuild's __name helper, which does not exist inside the page.

const FOLLOWUP_DATABASE = 'point-to-point-planner';

function openFollowUpDatabase() {
  return new Promise((resolve, reject) => {
    // No version: the one the app has just created, with every store it declares.
    const request = indexedDB.open(FOLLOWUP_DATABASE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Puts records into the app's database in one transaction: `{ storeName: records[] }`. */
globalThis.benchFollowUpSeed = async function benchFollowUpSeed(stores) {
  const db = await openFollowUpDatabase();
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
};

let followUpRaw = null;

/**
 * Baseline: the bare IndexedDB read the workspace starts from, the follow-ups due on `today` or
 * before by the `nextDue` index, on a connection kept open; resolves with the ms.
 */
globalThis.benchFollowUpIdbDue = async function benchFollowUpIdbDue(today) {
  followUpRaw ??= await openFollowUpDatabase();
  const start = performance.now();
  const count = await new Promise((resolve, reject) => {
    const request = followUpRaw
      .transaction('followUps')
      .objectStore('followUps')
      .index('nextDue')
      .getAll(IDBKeyRange.upperBound(today));
    request.onsuccess = () => resolve(request.result.length);
    request.onerror = () => reject(request.error);
  });
  if (count === 0) throw new Error('nothing due');
  return performance.now() - start;
};

/** Resolves once `done()` is true, checked after every DOM change. */
function whenFollowUp(done) {
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

/**
 * Leaves the workspace for the routes list (a light page: the home page counts every record of
 * every table, which would still be reading when the workspace opens) and waits until it is gone
 * and the routes list is read.
 */
globalThis.benchFollowUpLeave = async function benchFollowUpLeave() {
  location.hash = '#/routes';
  await whenFollowUp(
    () => !document.querySelector('[data-testid="follow-up-desk"]') && document.querySelector('main table, main h2'),
  );
  await new Promise((resolve) => setTimeout(resolve, READING_MS));
};

/** Opens the workspace from the routes list; resolves with the ms until its first due row is on screen. */
globalThis.benchFollowUpOpen = async function benchFollowUpOpen() {
  const start = performance.now();
  location.hash = '#/followup';
  await whenFollowUp(() => document.querySelector('[data-testid="due-row"]'));
  return performance.now() - start;
};

function key(target, name) {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: name, code: name, bubbles: true, cancelable: true }));
}

const followUpFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

/**
 * With a contact form open and focused on the outcome: presses 1 (in post), then Enter; resolves
 * with the ms from Enter until the contact is stored and the list shows it: the person's row has
 * left the due list, "done this week" counts one more, and the next person's form is open.
 * It begins 300 ms after the form before it opened, as a person reads the next name before typing:
 * the reads that an opening starts (the person's contacts) are done by then, as they are when a
 * person types. Without the pause the save waits for them (about 75 ms instead of 45 here).
 */
/** How long a person looks at the next form before typing. */
const READING_MS = 300;

globalThis.benchFollowUpSave = async function benchFollowUpSave() {
  const form = document.querySelector('[data-testid="contact-form"]');
  if (!form) throw new Error('no form open');
  const workerId = form.getAttribute('data-worker-id');
  const followUpRows = () =>
    [...document.querySelectorAll('[data-testid="due-row"]')].map((r) => r.getAttribute('data-follow-up-id'));
  const openRowId = document
    .querySelector('[data-testid="due-row"][data-open="true"]')
    ?.getAttribute('data-follow-up-id');
  const done = () => document.querySelector('[data-testid="count-done"]')?.textContent ?? '';
  const doneBefore = done();
  await new Promise((resolve) => setTimeout(resolve, READING_MS));
  const target = document.activeElement ?? form;
  key(target, '1');
  await followUpFrame();
  const start = performance.now();
  key(document.activeElement ?? form, 'Enter');
  await whenFollowUp(() => {
    const now = document.querySelector('[data-testid="contact-form"]');
    return (
      done() !== doneBefore &&
      now?.getAttribute('data-worker-id') !== workerId &&
      (openRowId === undefined || !followUpRows().includes(openRowId))
    );
  });
  return performance.now() - start;
};

/** Opens the form of the first due person (the key N); resolves once it is on screen. */
globalThis.benchFollowUpOpenForm = async function benchFollowUpOpenForm() {
  if (!document.querySelector('[data-testid="contact-form"]')) {
    key(document.body, 'n');
    await whenFollowUp(() => document.querySelector('[data-testid="contact-form"]'));
  }
  await followUpFrame();
};

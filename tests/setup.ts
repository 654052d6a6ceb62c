// Dexie needs IndexedDB; Node has none, so the repository tests run on fake-indexeddb.
import 'fake-indexeddb/auto';

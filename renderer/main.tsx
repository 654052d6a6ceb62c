import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/charts/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { preloadPageOf } from './app/Shell';
import { backUpBeforeUpgrade } from './app/automatic-backups';
import { UpgradeBlocked } from './app/UpgradeBlocked';
import { setInstallationKeyring } from './db';
import { desktopKeyring } from './platform';

function start(): void {
  preloadPageOf(window.location.hash);
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

// The desktop's key stays in the main process; the browser preview's is in the database (issue 16, item 2).
setInstallationKeyring(desktopKeyring);
/** The backup before the upgrade failed: nothing opens the database (which would upgrade it) unasked. */
function showUpgradeBlocked(message: string): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  const screen = createRoot(root);
  screen.render(
    <StrictMode>
      <UpgradeBlocked
        message={message}
        onRetry={() => window.location.reload()}
        onProceed={() => {
          screen.unmount();
          start();
        }}
      />
    </StrictMode>,
  );
}

// Before anything opens the database (Dexie upgrades it as it opens): a backup of the stored data
// when this version of the app is about to upgrade its schema (issue 7); if that backup fails, the
// data is neither upgraded nor opened until the person decides (issue 21). Never throws.
void backUpBeforeUpgrade().then((outcome) => {
  if (outcome.kind === 'failed') showUpgradeBlocked(outcome.message);
  else start();
});

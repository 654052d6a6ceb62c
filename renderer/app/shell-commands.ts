/**
 * The desktop menu's commands, routed to the screens that already do the work (issue 21): back up
 * and restore to the settings page's backups card (its "Back up now" and "Restore from file…"), a
 * backup file opened from outside the app to the card's restore dialog, and print to the print
 * action of the page on screen, or a notice that it has none. The browser preview never gets any.
 */
import { useEffect } from 'react';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { ShellCommand } from '@shared/bridge';
import { runPrintAction } from '../components/print-action';
import { requestFromBackups, type BackupRequest } from '../features/settings/backup-requests';
import { onShellCommand } from '../platform/shell';

const SETTINGS_PAGE = '/settings';

/** What the backups card is asked to do for a command, or null for a command that is not its. */
function backupRequestOf(command: ShellCommand): BackupRequest | null {
  switch (command.command) {
    case 'back-up':
      return { kind: 'back-up' };
    case 'restore':
      return { kind: 'restore' };
    case 'restore-file':
      return { kind: 'restore-file', offeredFileId: command.offeredFileId };
    case 'print':
      return null;
  }
}

/** Listens for the shell's commands while the app's shell is shown. */
export function useShellCommands(): void {
  const navigate = useNavigate();
  const { t } = useTranslation();
  useEffect(
    () =>
      onShellCommand((command) => {
        const request = backupRequestOf(command);
        if (request) {
          requestFromBackups(request);
          void navigate(SETTINGS_PAGE);
        } else if (!runPrintAction()) {
          notifications.show({ message: t('app.shell.nothingToPrint') });
        }
      }),
    [navigate, t],
  );
}

import { useEffect, useRef } from 'react';
import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { saveBackupCopy, onRestoreElsewhere } from '../features/settings/backup-actions';
import { platform } from '../platform';
import { onAutomaticBackup, scheduleStartBackup, type AutomaticBackupNotice } from './automatic-backups';

/**
 * Renders nothing: starts the daily automatic backup and tells the person about automatic backups
 * (a download offer where backups live only in this tab, a failure anywhere) and about a restore
 * made in another window. These notices stay until closed; like every notice they stand in the
 * navigation's empty lower end, as wide as it (App.tsx), clear of every page's and dialog's buttons.
 */
export function BackupNotices() {
  const { t } = useTranslation();
  // The language may change while a notice waits: the latest `t` is read when one is shown.
  const translate = useRef(t);
  useEffect(() => {
    translate.current = t;
  }, [t]);

  useEffect(() => {
    scheduleStartBackup();
  }, []);

  useEffect(
    () =>
      onAutomaticBackup((notice: AutomaticBackupNotice) => {
        const tr = translate.current;
        if (notice.kind === 'failed') {
          notifications.show({
            color: 'red',
            position: 'bottom-left',
            autoClose: false,
            message: tr('backups.automatic.failed', { message: notice.message }),
          });
          return;
        }
        const id = `backup-offer-${notice.fileName}`;
        const download = async () => {
          const read = await platform.readBackup({ fileName: notice.fileName });
          if (read) await saveBackupCopy(notice.fileName, read.data, translate.current);
          notifications.hide(id);
        };
        notifications.show({
          id,
          position: 'bottom-left',
          autoClose: false,
          message: (
            <Stack gap={6} align="flex-start">
              <Text size="sm">
                {tr('backups.automatic.offered', { kind: tr(`backups.kind.${notice.backupKind}`) })}
              </Text>
              <Button size="compact-sm" onClick={() => void download()}>
                {tr('backups.automatic.download')}
              </Button>
            </Stack>
          ),
        });
      }),
    [],
  );

  useEffect(
    () =>
      onRestoreElsewhere(() =>
        notifications.show({
          color: 'yellow',
          position: 'bottom-left',
          autoClose: false,
          message: (
            <Stack gap={6} align="flex-start">
              <Text size="sm">{translate.current('backups.otherWindow')}</Text>
              <Button size="compact-sm" onClick={() => window.location.reload()}>
                {translate.current('backups.restore.reload')}
              </Button>
            </Stack>
          ),
        }),
      ),
    [],
  );

  return null;
}

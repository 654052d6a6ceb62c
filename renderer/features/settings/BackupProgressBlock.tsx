import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BackupProgress } from '../../db';

interface BackupProgressBlockProps {
  /** Where the backup or restore has come; null while the file is still being checked. */
  progress: BackupProgress | null;
  /** Test id of the block, which also carries the phase as `data-phase`. */
  testId: string;
  /** Stops the work; what it stops leaves the data as it was. */
  onCancel: () => void;
}

/** The phase, count and bar of a backup or restore under way, with its cancel button. */
export function BackupProgressBlock({ progress, testId, onCancel }: BackupProgressBlockProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid={testId} data-phase={progress?.phase ?? 'checking'}>
      <Text size="sm">
        {progress
          ? t('backups.progress', {
              phase: t(`backups.phase.${progress.phase}`),
              done: progress.done.toLocaleString(),
              total: progress.total.toLocaleString(),
            })
          : t('backups.phase.checking')}
      </Text>
      <Progress
        aria-label={t('backups.progressLabel')}
        value={progress && progress.total > 0 ? (100 * progress.done) / progress.total : 0}
        animated
      />
      <Group>
        <Button variant="default" onClick={onCancel}>
          {t('backups.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Badge, Box, Button, Card, Group, PasswordInput, Table, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconDatabaseExport, IconFileImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  ROTATION,
  parseBackupFileName,
  readBackupHead,
  type BackupManifest,
  type BackupSealing,
  type InstallationInfo,
} from '@shared/backup';
import type { BackupList, StoredBackupFile } from '@shared/bridge';
import { formatTimestamp } from '@shared/dates';
import { installationInfo, makeBackup, type BackupProgress } from '../../db';
import { logger } from '../../logger';
import { platform } from '../../platform';
import {
  backupsChanged,
  chooseBackupFile,
  keepBackup,
  megabytes,
  onBackupsChanged,
  refusalMessage,
  refusalOf,
  saveBackupCopy,
  type Refusal,
} from './backup-actions';
import { BackupProgressBlock } from './BackupProgressBlock';
import { takeBackupRequests, type BackupRequest } from './backup-requests';
import { readOfferedBackup } from '../../platform/shell';
import { RestoreDialog, type RestoreSource } from './RestoreDialog';
import { useLanguage } from '../../i18n/use-language';
import { notifyWriteFailure } from '../../components/write-failure';

/** A backup in the list, with what its head says (null when the head cannot be read). */
interface ListedBackup {
  file: StoredBackupFile;
  manifest: BackupManifest | null;
  createdAt: string;
  /** The installation the head names (unverified: a list checks no signature). */
  installation: string | null;
  sealing: BackupSealing;
}

function describe(file: StoredBackupFile): ListedBackup {
  let head: ReturnType<typeof readBackupHead> | null;
  try {
    head = readBackupHead(file.head);
  } catch {
    head = null;
  }
  const manifest = head?.manifest ?? null;
  const createdAt = manifest?.createdAt ?? parseBackupFileName(file.fileName)?.createdAt ?? '';
  return { file, manifest, createdAt, installation: head?.installation ?? null, sealing: head?.sealing ?? null };
}

function totalOf(manifest: BackupManifest): number {
  return Object.values(manifest.counts).reduce((sum, n) => sum + n, 0);
}

/**
 * The settings page's backups (issue 7): "Back up now" with an optional passphrase, "Restore from
 * file…", and the backups made so far (from the data folder inside Electron, this tab's in the
 * browser) with their time, kind, size and counts, each to save a copy of (download), restore or
 * delete. Long work shows its progress and can be cancelled.
 */
export function BackupsCard() {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const [list, setList] = useState<BackupList | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [repeated, setRepeated] = useState('');
  const [progress, setProgress] = useState<BackupProgress | null>(null);
  const [source, setSource] = useState<(RestoreSource & { key: number }) | null>(null);
  const restores = useRef(0);
  const restoreFrom = (file: RestoreSource) => setSource({ ...file, key: ++restores.current });
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const abort = useRef<AbortController | null>(null);
  const [key, setKey] = useState<InstallationInfo | null>(null);
  useEffect(() => {
    let current = true;
    installationInfo().then(
      (info) => current && setKey(info),
      (error: unknown) => logger.warn('reading the installation key failed', error),
    );
    return () => {
      current = false;
    };
  }, []);

  const refresh = useCallback(() => {
    platform.listBackups().then(setList, (error: unknown) => logger.warn('listing backups failed', error));
  }, []);
  useEffect(() => {
    refresh();
    return onBackupsChanged(refresh);
  }, [refresh]);

  const mismatch = passphrase !== '' && repeated !== passphrase;

  const backUpNow = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setRefusal(null);
    setProgress({ phase: 'reading', done: 0, total: 0 });
    try {
      const backup = await makeBackup({
        kind: 'manual',
        passphrase: passphrase || undefined,
        onProgress: setProgress,
        signal: controller.signal,
      });
      const written = await keepBackup(backup);
      if (written.kept === 'session') {
        await saveBackupCopy(backup.fileName, backup.bytes, t);
        notifications.show({ color: 'teal', message: t('backups.madeDownload', { fileName: backup.fileName }) });
      } else {
        notifications.show({
          color: 'teal',
          message: t('backups.made', { fileName: backup.fileName, size: megabytes(backup.bytes.byteLength) }),
        });
      }
      // The newest manual backups are kept up to a bound (shared/backup/rotation.ts): say which went.
      const manualRemoved = written.removed.filter((name) => parseBackupFileName(name)?.kind === 'manual');
      if (manualRemoved.length > 0) {
        notifications.show({
          color: 'yellow',
          message: t('backups.manualRotated', { count: ROTATION.manual, fileNames: manualRemoved.join(', ') }),
        });
      }
      setPassphrase('');
      setRepeated('');
    } catch (error) {
      if (controller.signal.aborted) {
        notifications.show({ message: t('backups.cancelled') });
      } else {
        logger.error('backing up failed', error);
        notifications.show({ color: 'red', message: t('backups.failed', { message: String(error) }) });
      }
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  const restoreFromFile = async () => {
    setRefusal(null);
    try {
      const file = await chooseBackupFile(t);
      if (file) restoreFrom(file);
    } catch (error) {
      const refused = refusalOf(error);
      if (refused) setRefusal(refused);
      else notifyWriteFailure(error, t, 'choosing a backup file');
    }
  };

  const withFile = async (backup: ListedBackup, then: (data: Uint8Array) => Promise<void> | void) => {
    const read = await platform.readBackup({ fileName: backup.file.fileName });
    if (!read) {
      notifications.show({ color: 'red', message: t('backups.list.gone') });
      backupsChanged();
      return;
    }
    await then(read.data);
  };

  const confirmDelete = (backup: ListedBackup, time: string) =>
    modals.openConfirmModal({
      title: t('backups.list.deleteTitle'),
      children: <Text size="sm">{t('backups.list.deleteText', { time })}</Text>,
      labels: { confirm: t('backups.list.delete'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => {
        void platform.deleteBackup({ fileName: backup.file.fileName }).then(() => {
          notifications.show({ message: t('backups.list.deleted') });
          backupsChanged();
        });
      },
    });

  const backups = (list?.backups ?? []).map(describe);
  const working = progress !== null;

  // The desktop menu's Back up and Restore, and a backup file opened from outside (issue 21).
  const card = useRef<HTMLDivElement>(null);
  const handleRequest = useRef<(request: BackupRequest) => void>(() => undefined);
  useEffect(() => {
    handleRequest.current = (request) => {
      card.current?.scrollIntoView({ block: 'start' });
      if (request.kind === 'restore-file') {
        readOfferedBackup(request.offeredFileId).then(
          (file) =>
            file ? restoreFrom(file) : notifications.show({ color: 'red', message: t('backups.offeredGone') }),
          (error: unknown) => {
            const refused = refusalOf(error);
            if (refused) setRefusal(refused);
            else notifyWriteFailure(error, t, 'reading a backup file opened from outside');
          },
        );
      } else if (working) {
        // As the card's own buttons are while it works: the running backup or restore shows its progress.
      } else if (request.kind === 'back-up') {
        if (!mismatch) void backUpNow();
      } else {
        void restoreFromFile();
      }
    };
  });
  useEffect(() => takeBackupRequests((request) => handleRequest.current(request)), []);

  return (
    <Card withBorder component="section" aria-labelledby="backups-title" data-testid="backups" ref={card}>
      <Title order={4} id="backups-title">
        {t('backups.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('backups.hint')}
      </Text>
      {list && (
        <Text size="sm" c="dimmed" mt={4} data-place={list.kept}>
          {t(`backups.place.${list.kept}`)}
        </Text>
      )}
      {key && (
        <Text size="sm" c="dimmed" mt={4} data-testid="installation-key" data-protection={key.protection}>
          {t(`backups.key.${key.protection}`)} {t('backups.key.installation', { installation: key.installation })}
        </Text>
      )}

      <Group align="flex-start" mt="md" gap="sm">
        <PasswordInput
          label={t('backups.passphrase')}
          description={t('backups.passphraseHint')}
          value={passphrase}
          onChange={(event) => setPassphrase(event.currentTarget.value)}
          disabled={working}
          w={340}
          autoComplete="new-password"
        />
        {passphrase !== '' && (
          <PasswordInput
            label={t('backups.passphraseRepeat')}
            value={repeated}
            onChange={(event) => setRepeated(event.currentTarget.value)}
            error={mismatch && repeated !== '' ? t('backups.passphraseMismatch') : undefined}
            disabled={working}
            w={240}
            autoComplete="new-password"
          />
        )}
      </Group>
      <Group mt="sm">
        <Button
          leftSection={<IconDatabaseExport size={18} />}
          onClick={() => void backUpNow()}
          disabled={working || mismatch}
        >
          {t('backups.backUpNow')}
        </Button>
        <Button
          variant="default"
          leftSection={<IconFileImport size={18} />}
          onClick={() => void restoreFromFile()}
          disabled={working}
        >
          {t('backups.restoreFromFile')}
        </Button>
      </Group>

      {progress && (
        <Box mt="sm">
          <BackupProgressBlock progress={progress} testId="backup-progress" onCancel={() => abort.current?.abort()} />
        </Box>
      )}

      {refusal && (
        <Alert color="red" variant="light" role="alert" mt="sm" data-refusal={refusal.reason}>
          {refusalMessage(refusal, t, i18n)} {t('backups.refusal.unchanged')}
        </Alert>
      )}

      <Title order={5} mt="lg" mb="xs">
        {t('backups.list.title')}
      </Title>
      {backups.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="backups-empty">
          {t('backups.list.empty')}
        </Text>
      ) : (
        <Table striped withTableBorder aria-label={t('backups.list.label')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('backups.list.time')}</Table.Th>
              <Table.Th>{t('backups.list.kind')}</Table.Th>
              <Table.Th ta="right">{t('backups.list.size')}</Table.Th>
              <Table.Th>{t('backups.list.contents')}</Table.Th>
              <Table.Th>{t('backups.list.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {backups.map((backup) => {
              const time = backup.createdAt ? formatTimestamp(backup.createdAt, language) : backup.file.fileName;
              const { manifest } = backup;
              const kind = manifest?.kind ?? parseBackupFileName(backup.file.fileName)?.kind;
              return (
                <Table.Tr
                  key={backup.file.fileName}
                  data-testid="backup-row"
                  data-file={backup.file.fileName}
                  data-kind={kind}
                  data-workers={manifest?.counts['workers']}
                >
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{time}</Table.Td>
                  <Table.Td>{kind ? t(`backups.kind.${kind}`) : ''}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {t('backups.list.sizeMb', { size: megabytes(backup.file.size) })}
                  </Table.Td>
                  <Table.Td>
                    {manifest ? (
                      <Group gap={6}>
                        <Text size="sm">
                          {t('backups.list.counts', {
                            workers: (manifest.counts['workers'] ?? 0).toLocaleString(),
                            batches: (manifest.counts['batches'] ?? 0).toLocaleString(),
                            total: totalOf(manifest).toLocaleString(),
                          })}
                        </Text>
                        {backup.sealing === 'passphrase' && (
                          <Badge variant="light" color="grape" tt="none">
                            {t('backups.list.encrypted')}
                          </Badge>
                        )}
                        {backup.sealing === 'installation-key' && (
                          <Badge variant="light" color="grape" tt="none" data-testid="sealed-with-key">
                            {key && backup.installation !== key.installation
                              ? t('backups.list.sealedElsewhere')
                              : t('backups.list.sealedHere')}
                          </Badge>
                        )}
                      </Group>
                    ) : (
                      <Badge variant="outline" color="red" tt="none">
                        {t('backups.list.unreadable')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        disabled={working}
                        aria-label={
                          list?.kept === 'session'
                            ? t('backups.list.downloadLabel', { time })
                            : t('backups.list.saveCopyLabel', { time })
                        }
                        onClick={() =>
                          void withFile(backup, (data) =>
                            saveBackupCopy(backup.file.fileName, data, t).then(() => undefined),
                          )
                        }
                      >
                        {list?.kept === 'session' ? t('backups.list.download') : t('backups.list.saveCopy')}
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        disabled={working}
                        aria-label={t('backups.list.restoreLabel', { time })}
                        onClick={() =>
                          void withFile(backup, (data) => restoreFrom({ fileName: backup.file.fileName, data }))
                        }
                      >
                        {t('backups.list.restore')}
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        disabled={working}
                        aria-label={t('backups.list.deleteLabel', { time })}
                        onClick={() => confirmDelete(backup, time)}
                      >
                        {t('backups.list.delete')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {source && <RestoreDialog key={source.key} source={source} onClose={() => setSource(null)} />}
    </Card>
  );
}

import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Checkbox, Group, Loader, Modal, PasswordInput, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { BackupProgressBlock } from './BackupProgressBlock';
import { formatTimestamp } from '@shared/dates';
import type { BackupManifest } from '@shared/backup';
import {
  inspectBackup,
  restoreBackup,
  type BackupInspection,
  type BackupProgress,
  type MadeBackup,
  type RestoreReport,
} from '../../db';
import { logger } from '../../logger';
import { whileBusy } from '../../platform/shell';
import { announceRestore, keepBackup, refusalMessage, refusalOf, saveBackupCopy, type Refusal } from './backup-actions';
import { useLanguage } from '../../i18n/use-language';

/** A backup file to restore: chosen with the file dialog, or read from the list of backups. */
export interface RestoreSource {
  fileName: string;
  data: Uint8Array;
}

type Step =
  | { kind: 'checking' }
  | { kind: 'passphrase'; manifest: BackupManifest | null; wrong: boolean; busy: boolean }
  | { kind: 'confirm'; inspection: BackupInspection; passphrase: string | undefined; originAccepted: boolean }
  | { kind: 'restoring'; progress: BackupProgress | null }
  | { kind: 'done'; report: RestoreReport }
  | { kind: 'refused'; refusal: Refusal }
  | { kind: 'failed'; message: string };

interface RestoreDialogProps {
  /** The file to restore; the dialog is open while it is rendered (keyed by the file, so each file starts afresh). */
  source: RestoreSource;
  /** Called when the dialog closes, whatever came of it. */
  onClose: () => void;
}

/** How a check of the file ended: the counts to confirm, a passphrase to ask for, or a refusal. */
function stepAfterCheck(error: unknown, passphrase: string | undefined, manifest: BackupManifest | null): Step {
  const refusal = refusalOf(error);
  if (refusal?.reason === 'passphrase-required' || (refusal?.reason === 'wrong-passphrase' && passphrase)) {
    return { kind: 'passphrase', manifest, wrong: refusal.reason === 'wrong-passphrase', busy: false };
  }
  if (refusal) return { kind: 'refused', refusal };
  logger.error('checking a backup failed', error);
  return { kind: 'failed', message: String(error) };
}

/**
 * Restoring a backup (issue 7): checks the file, asks for its passphrase when it is encrypted,
 * shows what will be replaced (counts now and in the file) and asks to confirm; then restores with
 * progress and a cancel button (cancel = nothing changed), and says when it is done. A refused
 * file says why, in the person's language, and that nothing was changed.
 */
export function RestoreDialog({ source, onClose }: RestoreDialogProps) {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const [step, setStep] = useState<Step>({ kind: 'checking' });
  const [passphrase, setPassphrase] = useState('');
  const [previousKept, setPreviousKept] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => {
    let current = true;
    inspectBackup(source.data).then(
      (inspection) => current && setStep({ kind: 'confirm', inspection, passphrase: undefined, originAccepted: false }),
      (error: unknown) => {
        const manifest = (error as { manifest?: BackupManifest | null }).manifest ?? null;
        if (current) setStep(stepAfterCheck(error, undefined, manifest));
      },
    );
    return () => {
      current = false;
    };
  }, [source]);

  const unlock = async () => {
    if (step.kind !== 'passphrase') return;
    setStep({ ...step, busy: true });
    try {
      const inspection = await inspectBackup(source.data, passphrase);
      setStep({ kind: 'confirm', inspection, passphrase, originAccepted: false });
    } catch (error) {
      setStep(stepAfterCheck(error, passphrase, step.manifest));
    }
  };

  const keepCurrent = async (backup: MadeBackup) => {
    const written = await keepBackup(backup);
    // In the browser the backup lives only in this tab: hand it to downloads before anything is replaced.
    if (written.kept === 'session') await saveBackupCopy(backup.fileName, backup.bytes, t);
    setPreviousKept(backup.fileName);
  };

  const restore = async (confirmed: Extract<Step, { kind: 'confirm' }>) => {
    const controller = new AbortController();
    abort.current = controller;
    setStep({ kind: 'restoring', progress: null });
    try {
      // Closing the window mid-restore asks first (issue 21).
      const report = await whileBusy('restore', () =>
        restoreBackup(source.data, confirmed.passphrase, {
          keepCurrent,
          confirmOrigin: confirmed.originAccepted,
          signal: controller.signal,
          onProgress: (progress) => setStep({ kind: 'restoring', progress }),
        }),
      );
      announceRestore();
      setStep({ kind: 'done', report });
    } catch (error) {
      if (controller.signal.aborted) {
        notifications.show({ message: t('backups.restore.cancelled') });
        onClose();
        return;
      }
      const refusal = refusalOf(error);
      if (refusal) {
        setStep({ kind: 'refused', refusal });
      } else {
        logger.error('restoring a backup failed', error);
        setStep({ kind: 'failed', message: String(error) });
      }
    } finally {
      abort.current = null;
    }
  };

  const busy = step.kind === 'restoring';
  const manifestRows = (manifest: BackupManifest) => [
    [t('backups.restore.file'), source.fileName],
    [t('backups.restore.createdAt'), formatTimestamp(manifest.createdAt, language)],
    [t('backups.list.kind'), t(`backups.kind.${manifest.kind}`)],
    [t('backups.restore.operator'), manifest.operator || t('backups.restore.noOperator')],
    [t('backups.restore.appVersion'), manifest.appVersion],
    [t('backups.restore.schemaVersion'), String(manifest.schemaVersion)],
  ];

  return (
    <Modal
      opened
      onClose={busy ? () => undefined : onClose}
      withCloseButton={!busy}
      closeOnClickOutside={!busy}
      closeOnEscape={!busy}
      title={t('backups.restore.title')}
      size="lg"
    >
      <Stack data-testid="restore-dialog" data-step={step.kind}>
        {step.kind === 'checking' && (
          <Group>
            <Loader size="sm" />
            <Text size="sm">{t('backups.restore.checking')}</Text>
          </Group>
        )}

        {step.kind === 'passphrase' && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void unlock();
            }}
          >
            <Stack>
              <Text size="sm">{t('backups.restore.passphraseNeeded')}</Text>
              {step.manifest && (
                <Text size="sm" c="dimmed">
                  {t('backups.restore.createdAt')}: {formatTimestamp(step.manifest.createdAt, language)}
                </Text>
              )}
              <PasswordInput
                label={t('backups.restore.passphrase')}
                value={passphrase}
                onChange={(event) => setPassphrase(event.currentTarget.value)}
                error={step.wrong ? t('backups.refusal.wrong-passphrase') : undefined}
                data-refusal={step.wrong ? 'wrong-passphrase' : undefined}
                autoFocus
              />
              <Group justify="flex-end">
                <Button variant="default" onClick={onClose}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={step.busy} disabled={passphrase === ''}>
                  {t('backups.restore.open')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}

        {step.kind === 'confirm' && (
          <>
            <Table withRowBorders={false} verticalSpacing={2}>
              <Table.Tbody>
                {manifestRows(step.inspection.manifest).map(([label, value]) => (
                  <Table.Tr key={label}>
                    <Table.Td c="dimmed" w={140}>
                      {label}
                    </Table.Td>
                    <Table.Td>{value}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <OriginNotice
              inspection={step.inspection}
              accepted={step.originAccepted}
              onAccept={(originAccepted) => setStep({ ...step, originAccepted })}
            />
            {step.inspection.upgradedFrom !== null && (
              <Alert color="blue" variant="light" data-testid="restore-upgraded">
                {t('backups.restore.upgraded', {
                  from: step.inspection.upgradedFrom,
                  to: step.inspection.schemaVersion,
                })}
              </Alert>
            )}
            <Table striped withTableBorder aria-label={t('backups.restore.countsLabel')} data-testid="restore-counts">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('backups.restore.table')}</Table.Th>
                  <Table.Th ta="right">{t('backups.restore.now')}</Table.Th>
                  <Table.Th ta="right">{t('backups.restore.inFile')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {step.inspection.tables.map((row) => (
                  <Table.Tr key={row.table} data-table={row.table} data-now={row.now} data-in-file={row.inFile}>
                    <Table.Td>{t(`audit.tables.${row.table}`, { defaultValue: row.table })}</Table.Td>
                    <Table.Td ta="right">{row.now.toLocaleString()}</Table.Td>
                    <Table.Td ta="right" fw={row.now === row.inFile ? undefined : 700}>
                      {row.inFile.toLocaleString()}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Alert color="yellow" variant="light">
              {t('backups.restore.warning')}
            </Alert>
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button
                color="red"
                disabled={step.inspection.origin.status !== 'this-installation' && !step.originAccepted}
                onClick={() => void restore(step)}
              >
                {t('backups.restore.confirm')}
              </Button>
            </Group>
          </>
        )}

        {step.kind === 'restoring' && (
          <BackupProgressBlock
            progress={step.progress ?? null}
            testId="restore-progress"
            onCancel={() => abort.current?.abort()}
          />
        )}

        {step.kind === 'done' && (
          <>
            <Alert color="teal" variant="light" data-testid="restore-done">
              {t('backups.restore.done', {
                total: Object.values(step.report.restored)
                  .reduce((sum, n) => sum + n, 0)
                  .toLocaleString(),
              })}
            </Alert>
            {previousKept && (
              <Text size="sm" c="dimmed">
                {t('backups.restore.previousKept', { fileName: previousKept })}
              </Text>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('backups.restore.close')}
              </Button>
              <Button onClick={() => window.location.reload()}>{t('backups.restore.reload')}</Button>
            </Group>
          </>
        )}

        {step.kind === 'refused' && (
          <>
            <Alert color="red" variant="light" role="alert" data-refusal={step.refusal.reason}>
              <Text size="sm">{refusalMessage(step.refusal, t, i18n)}</Text>
              <Text size="sm" mt={4}>
                {t('backups.refusal.unchanged')}
              </Text>
            </Alert>
            <Group justify="flex-end">
              <Button onClick={onClose}>{t('backups.restore.close')}</Button>
            </Group>
          </>
        )}

        {step.kind === 'failed' && (
          <>
            <Alert color="red" variant="light" role="alert">
              {t('backups.restore.failed', { message: step.message })}
            </Alert>
            <Group justify="flex-end">
              <Button onClick={onClose}>{t('backups.restore.close')}</Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}

/**
 * Who made the file (issue 16, item 2), as the signature check found it: green when this
 * installation signed it and nothing changed since; otherwise a warning naming the fact (made
 * elsewhere, unsigned, signature not matching), which the person must confirm before restoring.
 */
function OriginNotice({
  inspection,
  accepted,
  onAccept,
}: {
  inspection: BackupInspection;
  accepted: boolean;
  onAccept: (accepted: boolean) => void;
}) {
  const { t } = useTranslation();
  const { status, installation } = inspection.origin;
  if (status === 'this-installation') {
    return (
      <Alert color="teal" variant="light" data-testid="restore-origin" data-origin={status}>
        {t('backups.restore.origin.this-installation')}
      </Alert>
    );
  }
  return (
    <Alert color="red" variant="light" role="alert" data-testid="restore-origin" data-origin={status}>
      <Stack gap="xs">
        <Text size="sm">{t(`backups.restore.origin.${status}`, { installation: installation ?? '' })}</Text>
        {inspection.sealing === 'passphrase' && <Text size="sm">{t('backups.restore.origin.passphrase')}</Text>}
        <Text size="sm" c="dimmed">
          {t('backups.key.installation', { installation: inspection.installation })}
        </Text>
        <Checkbox
          checked={accepted}
          onChange={(event) => onAccept(event.currentTarget.checked)}
          label={t('backups.restore.origin.confirm')}
          data-testid="restore-origin-confirm"
        />
      </Stack>
    </Alert>
  );
}

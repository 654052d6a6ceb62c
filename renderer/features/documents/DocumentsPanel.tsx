import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Progress,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDeviceFloppy, IconEye, IconLock, IconPrinter, IconX } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DocumentRequest, PrintContext } from '../../../shared/documents';
import type { Batch, Language, Route } from '../../../shared/domain/records';
import {
  RecordNotFoundError,
  RecordRejectedError,
  getSettings,
  listPassengers,
  loadBatchPapers,
  recordFullNumbersPrint,
  useRepositoryQuery,
  type PrintedDocument as AuditedDocument,
} from '../../db';
import { logger } from '../../logger';
import { isDesktop, platform } from '../../platform';
import { isAbortError, isFontsMissingError, printDocument } from './documents-client';
import { documentFileName } from './file-name';
import { paperGate } from './paper-gate';
import { PreviewModal, type PreviewDocument } from './PreviewModal';
import { PrintedCopyCheck } from './PrintedCopyCheck';

/** The rows of the panel, "print all" first, then in the order the papers are used. */
const DOCUMENT_ROWS = [
  'all',
  'cover',
  'manifest',
  'health-sheet-blank',
  'health-sheet-filled',
  'handover',
  'boarding-cards',
] as const;

type DocumentRow = (typeof DOCUMENT_ROWS)[number];

/** The Select's value for "every receiving enterprise". */
const ALL_ENTERPRISES = 'all';

const PDF_FILTER = { name: 'PDF', extensions: ['pdf'] };

function languageOf(code: string): Language {
  return code === 'en' ? 'en' : 'zh-CN';
}

function requestFor(row: DocumentRow, enterpriseId: string | undefined): DocumentRequest {
  switch (row) {
    case 'health-sheet-blank':
      return { kind: 'health-sheet', filled: false };
    case 'health-sheet-filled':
      return { kind: 'health-sheet', filled: true };
    case 'handover':
      return enterpriseId ? { kind: 'handover', enterpriseId } : { kind: 'handover' };
    default:
      return { kind: row };
  }
}

function auditedDocument(row: DocumentRow): AuditedDocument {
  return row === 'health-sheet-blank' || row === 'health-sheet-filled' ? 'health-sheet' : row;
}

/** A build under way: which document, what for, how far. */
interface Job {
  row: DocumentRow;
  purpose: 'preview' | 'save';
  percent: number;
}

/** The last file saved, to open it for printing. */
interface SavedDocument {
  fileName: string;
  savedFileId: string | undefined;
}

interface DocumentsPanelProps {
  /** The batch whose documents are printed. */
  batch: Batch;
  /** The batch's route, to name legs in the cover sheet's reasons; null while unknown. */
  route: Route | null;
}

/**
 * The printed documents of a batch (issue 6): one row per document with Preview and Save, "print
 * all" on top, a choice of receiving enterprise for the handover sheet, the full-numbers switch
 * (masked by default; switching it on asks first and every document made with it is recorded),
 * progress with Cancel while a document is made in the documents worker, Open to print after a
 * save, and the check of a printed copy against the data.
 */
export function DocumentsPanel({ batch, route }: DocumentsPanelProps) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const settings = useRepositoryQuery(getSettings, []);
  const passengers = useRepositoryQuery(() => listPassengers(batch.id), [batch.id]);
  const [fullNumbers, setFullNumbers] = useState(false);
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [enterpriseChoice, setEnterpriseChoice] = useState<string>(ALL_ENTERPRISES);
  const [job, setJob] = useState<Job | null>(null);
  const [preview, setPreview] = useState<(PreviewDocument & { fileName: string }) | null>(null);
  const [saved, setSaved] = useState<SavedDocument | null>(null);
  const controller = useRef<AbortController | null>(null);
  const previews = useRef(0);

  // Leaving the page stops a build under way: a download must not start on another page.
  useEffect(() => () => controller.current?.abort(), []);

  const enterprises = useMemo(() => {
    const counts = new Map<string, { name: string; count: number }>();
    for (const { enterprise } of passengers ?? []) {
      if (!enterprise || enterprise.deletedAt) continue;
      const known = counts.get(enterprise.id);
      counts.set(enterprise.id, { name: enterprise.name, count: (known?.count ?? 0) + 1 });
    }
    return [...counts.entries()]
      .map(([id, { name, count }]) => ({ id, name, count }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  }, [passengers]);

  if (!settings) return null;
  if (batch.deletedAt) return <Text c="dimmed">{t('documents.notFound')}</Text>;

  const operatorMissing = settings.operatorName.trim() === '';
  const enterpriseId = enterpriseChoice === ALL_ENTERPRISES ? undefined : enterpriseChoice;
  const documentName = (row: DocumentRow) => t(`documents.documents.${row}`);

  const fileNameOf = (row: DocumentRow): string => {
    const enterprise = row === 'handover' ? enterprises.find((candidate) => candidate.id === enterpriseId) : undefined;
    return documentFileName([
      batch.name,
      row === 'all' ? t('documents.allFileName') : documentName(row),
      enterprise?.name ?? '',
      batch.date,
      fullNumbers ? t('documents.fullNumbersFileName') : '',
    ]);
  };

  const save = async (bytes: Uint8Array, fileName: string): Promise<void> => {
    const result = await platform.saveFile({ suggestedName: fileName, filters: [PDF_FILTER], data: bytes });
    if (!result.saved) return;
    const name = result.fileName ?? fileName;
    setSaved({ fileName: name, savedFileId: result.savedFileId });
  };

  const make = async (row: DocumentRow, purpose: Job['purpose']): Promise<void> => {
    const abort = new AbortController();
    controller.current = abort;
    setJob({ row, purpose, percent: 0 });
    setSaved(null);
    const fileName = fileNameOf(row);
    try {
      const request = requestFor(row, row === 'handover' ? enterpriseId : undefined);
      // Recorded before anything is built: a print of full numbers that fails half way still counts.
      const audit = fullNumbers
        ? await recordFullNumbersPrint(
            batch.id,
            auditedDocument(row),
            reason,
            request.kind === 'handover' ? request.enterpriseId : undefined,
          )
        : null;
      const source = await loadBatchPapers(batch.id);
      const printT = i18n.getFixedT(language);
      const papers = { ...source.papers, gate: paperGate(source.gate, { t: printT, language, batch, route }) };
      const print: PrintContext = {
        language,
        operator: settings.operatorName,
        organization: settings.organizationName,
        printedAt: audit?.at ?? new Date().toISOString(),
        fullNumbers,
      };
      const { bytes } = await printDocument({
        request,
        papers,
        print,
        options: { manifestColumns: settings.manifestColumns },
        onProgress: (done, total) =>
          setJob((current) =>
            current && current.row === row ? { ...current, percent: total > 0 ? (done / total) * 100 : 0 } : current,
          ),
        signal: abort.signal,
      });
      if (abort.signal.aborted) throw abortError();
      if (purpose === 'save') {
        await save(bytes, fileName);
      } else {
        previews.current += 1;
        setPreview({ id: previews.current, bytes, title: documentName(row), fullNumbers, fileName });
      }
    } catch (error) {
      showFailure(error, t);
    } finally {
      if (controller.current === abort) controller.current = null;
      setJob(null);
    }
  };

  const busy = job !== null;

  return (
    <Stack gap="md" data-testid="documents-panel" data-full-numbers={fullNumbers} data-busy={busy}>
      <Card withBorder>
        <Stack gap="sm">
          <Group justify="space-between" align="flex-start">
            <div>
              <Title order={3}>{t('documents.title')}</Title>
              <Text size="sm" c="dimmed">
                {t('documents.intro')}
              </Text>
            </div>
            <Badge
              size="lg"
              variant={fullNumbers ? 'filled' : 'light'}
              color={fullNumbers ? 'orange' : 'gray'}
              leftSection={fullNumbers ? <IconAlertTriangle size={14} /> : <IconLock size={14} />}
              data-testid="numbers-badge"
            >
              {fullNumbers ? t('documents.fullNumbers.full') : t('documents.fullNumbers.masked')}
            </Badge>
          </Group>
          <FullNumbersControl
            fullNumbers={fullNumbers}
            operatorMissing={operatorMissing}
            disabled={busy}
            onAsk={() => setConfirming(true)}
            onOff={() => {
              setFullNumbers(false);
              setReason('');
            }}
          />
          {fullNumbers && (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="full-numbers-on">
              {t('documents.fullNumbers.on')}
              {reason.trim() !== '' && ` ${t('documents.audit.reason', { reason: reason.trim() })}`}
            </Alert>
          )}
          {job && (
            <JobProgress
              job={job}
              name={documentName(job.row)}
              onCancel={() => {
                controller.current?.abort();
              }}
            />
          )}
          {saved && <SavedNotice saved={saved} />}
          <Table verticalSpacing="sm" data-testid="document-rows">
            <Table.Tbody>
              {DOCUMENT_ROWS.map((row) => (
                <Table.Tr
                  key={row}
                  data-document={row}
                  bg={row === 'all' ? 'var(--mantine-color-blue-light)' : undefined}
                >
                  <Table.Td>
                    <Text fw={row === 'all' ? 700 : 500}>{documentName(row)}</Text>
                    <Text size="xs" c="dimmed">
                      {t(`documents.hints.${row}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td w={260}>
                    {row === 'handover' && (
                      <Select
                        size="xs"
                        label={t('documents.enterprise.label')}
                        value={enterpriseChoice}
                        onChange={(value) => setEnterpriseChoice(value ?? ALL_ENTERPRISES)}
                        allowDeselect={false}
                        data={[
                          { value: ALL_ENTERPRISES, label: t('documents.enterprise.all') },
                          ...enterprises.map((enterprise) => ({
                            value: enterprise.id,
                            label: `${enterprise.name}（${enterprise.count}）`,
                          })),
                        ]}
                      />
                    )}
                  </Table.Td>
                  <Table.Td w={220}>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button
                        variant="default"
                        size="xs"
                        leftSection={<IconEye size={14} />}
                        disabled={busy}
                        loading={job?.row === row && job.purpose === 'preview'}
                        aria-label={t('documents.actions.previewLabel', { document: documentName(row) })}
                        onClick={() => void make(row, 'preview')}
                      >
                        {t('documents.actions.preview')}
                      </Button>
                      <Button
                        size="xs"
                        variant={row === 'all' ? 'filled' : 'light'}
                        leftSection={<IconDeviceFloppy size={14} />}
                        disabled={busy}
                        loading={job?.row === row && job.purpose === 'save'}
                        aria-label={t('documents.actions.saveLabel', { document: documentName(row) })}
                        onClick={() => void make(row, 'save')}
                      >
                        {t('documents.actions.save')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      </Card>
      <PrintedCopyCheck batchId={batch.id} />
      <FullNumbersConfirm
        opened={confirming}
        reason={reason}
        onReason={setReason}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          setFullNumbers(true);
        }}
      />
      <PreviewModal
        preview={preview}
        onClose={() => setPreview(null)}
        onSave={() => {
          if (!preview) return;
          const { bytes, fileName } = preview;
          setPreview(null);
          void save(bytes, fileName).catch((error: unknown) => showFailure(error, t));
        }}
      />
    </Stack>
  );
}

function abortError(): Error {
  const error = new Error('document build cancelled');
  error.name = 'AbortError';
  return error;
}

/** Tells the user why a document was not made or saved, in words. */
function showFailure(error: unknown, t: TFunction): void {
  if (isAbortError(error)) {
    notifications.show({ color: 'gray', message: t('documents.progress.cancelled') });
  } else if (error instanceof RecordRejectedError) {
    notifications.show({ color: 'red', message: t('documents.fullNumbers.operatorMissing') });
  } else if (error instanceof RecordNotFoundError) {
    notifications.show({ color: 'red', message: t('documents.notFound') });
  } else if (isFontsMissingError(error)) {
    logger.error('document fonts missing', error);
    notifications.show({ color: 'red', message: t('documents.fontsMissing') });
  } else {
    logger.error('document failed', error);
    const message = error instanceof Error ? error.message : String(error);
    notifications.show({ color: 'red', message: t('documents.failed', { message }) });
  }
}

interface FullNumbersControlProps {
  /** Whether full numbers are on. */
  fullNumbers: boolean;
  /** True while no operator is named in settings: full numbers cannot be switched on. */
  operatorMissing: boolean;
  /** True while a document is being made. */
  disabled: boolean;
  /** Asks to switch full numbers on (opens the confirmation). */
  onAsk: () => void;
  /** Switches full numbers off, at once. */
  onOff: () => void;
}

/** The full-numbers switch, with what it means, and why it is unavailable while no operator is named. */
function FullNumbersControl({ fullNumbers, operatorMissing, disabled, onAsk, onOff }: FullNumbersControlProps) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Switch
        checked={fullNumbers}
        disabled={disabled || (operatorMissing && !fullNumbers)}
        label={t('documents.fullNumbers.label')}
        description={t('documents.fullNumbers.description')}
        color="orange"
        onChange={(event) => (event.currentTarget.checked ? onAsk() : onOff())}
        data-testid="full-numbers-switch"
      />
      {operatorMissing && !fullNumbers && (
        <Group gap="xs" data-testid="full-numbers-operator-missing">
          <Text size="sm" c="orange.9">
            {t('documents.fullNumbers.operatorMissing')}
          </Text>
          <Anchor component={Link} to="/settings" size="sm">
            {t('documents.fullNumbers.settings')}
          </Anchor>
        </Group>
      )}
    </Stack>
  );
}

interface FullNumbersConfirmProps {
  /** Whether the confirmation is shown. */
  opened: boolean;
  /** The purpose typed so far. */
  reason: string;
  /** Changes the purpose. */
  onReason: (reason: string) => void;
  /** Leaves full numbers off. */
  onCancel: () => void;
  /** Switches full numbers on. */
  onConfirm: () => void;
}

/** Asks before full numbers are switched on, says it is recorded, and takes an optional purpose. */
function FullNumbersConfirm({ opened, reason, onReason, onCancel, onConfirm }: FullNumbersConfirmProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onCancel} title={t('documents.fullNumbers.confirmTitle')}>
      <Stack>
        <Text size="sm">{t('documents.fullNumbers.confirmText')}</Text>
        <Textarea
          label={t('documents.fullNumbers.reasonLabel')}
          placeholder={t('documents.fullNumbers.reasonPlaceholder')}
          autosize
          minRows={2}
          maxLength={200}
          value={reason}
          onChange={(event) => onReason(event.currentTarget.value)}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button color="orange" onClick={onConfirm}>
            {t('documents.fullNumbers.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

interface JobProgressProps {
  /** The build under way. */
  job: Job;
  /** The document's name. */
  name: string;
  /** Cancels the build: nothing is saved or shown. */
  onCancel: () => void;
}

/** How far the document being made has come, with Cancel. */
function JobProgress({ job, name, onCancel }: JobProgressProps) {
  const { t } = useTranslation();
  const percent = Math.floor(job.percent);
  return (
    <Card withBorder bg="var(--mantine-color-gray-light)" data-testid="document-progress" data-percent={percent}>
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={4} style={{ flex: 1 }}>
          <Group justify="space-between">
            <Text size="sm" fw={500}>
              {t('documents.progress.label', { document: name })}
            </Text>
            <Text size="sm" c="dimmed">
              {/* The last step, writing the file out, reports no progress of its own. */}
              {percent >= 100 ? t('documents.progress.finishing') : t('documents.progress.steps', { percent })}
            </Text>
          </Group>
          <Progress value={percent} animated aria-label={t('documents.progress.label', { document: name })} />
        </Stack>
        <Button variant="default" leftSection={<IconX size={16} />} onClick={onCancel}>
          {t('documents.progress.cancel')}
        </Button>
      </Group>
    </Card>
  );
}

/** Says what was saved, with Open to print (the system viewer in the desktop app, a tab in a browser). */
function SavedNotice({ saved }: { /** The file just saved. */ saved: SavedDocument }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const open = async () => {
    const { savedFileId } = saved;
    if (!savedFileId) return;
    try {
      const result = await platform.openSavedFile({ savedFileId });
      setProblem(result.opened ? null : t(isDesktop ? 'documents.save.notOpened' : 'documents.save.browserNotOpened'));
    } catch (error) {
      logger.error('open saved file failed', error);
      setProblem(t('documents.save.notOpened'));
    }
  };
  return (
    <Alert color="teal" variant="light" data-testid="document-saved">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text size="sm">{t('documents.save.saved', { fileName: saved.fileName })}</Text>
          {saved.savedFileId && (
            <Button
              size="xs"
              leftSection={<IconPrinter size={14} />}
              aria-label={t('documents.save.openLabel', { fileName: saved.fileName })}
              onClick={() => void open()}
            >
              {t('documents.save.open')}
            </Button>
          )}
        </Group>
        {problem && (
          <Text size="sm" c="red.8">
            {problem}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}

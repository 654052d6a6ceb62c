import { Alert, Badge, Button, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDeviceFloppy, IconEye, IconLock } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nothingToPrint } from '@shared/documents/model';
import type { PrintContext, UnprintableEntry } from '@shared/documents';
import type { FieldProblem } from '@shared/domain/problems';
import type { Batch, Route } from '@shared/domain/records';
import {
  RecordNotFoundError,
  RecordRejectedError,
  currentAuditAnchor,
  getSettings,
  listPassengers,
  loadBatchPapers,
  recordFullNumbersPrint,
  useRepositoryQuery,
} from '../../db';
import { problemMessage } from '../../components/field-problems';
import { notifyWriteFailure } from '../../components/write-failure';
import { useLanguage } from '../../i18n/use-language';
import { logger } from '../../logger';
import { platform } from '../../platform';
import { PrintAction } from '../../components/print-action';
import { DOCUMENT_ROWS, auditedDocument, handoverEnterprises, requestFor, type DocumentRow } from './document-rows';
import { findUnprintableNames, isAbortError, isFontsMissingError, printDocument } from './documents-client';
import { documentFileName } from './file-name';
import { FullNumbersConfirm, FullNumbersControl } from './FullNumbersControl';
import { JobProgress, type Job } from './JobProgress';
import { paperGate } from './paper-gate';
import { PreviewModal, type PreviewDocument } from './PreviewModal';
import { PrintedCopyCheck } from './PrintedCopyCheck';
import { SavedNotice, type SavedDocument } from './SavedNotice';
import { UnprintableWarning } from './UnprintableWarning';

/** The Select's value for "every receiving enterprise". */
const ALL_ENTERPRISES = 'all';

const PDF_FILTER = { name: 'PDF', extensions: ['pdf'] };

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
  const language = useLanguage();
  const settings = useRepositoryQuery(getSettings, []);
  const passengers = useRepositoryQuery(() => listPassengers(batch.id), [batch.id]);
  const [fullNumbers, setFullNumbers] = useState(false);
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [enterpriseChoice, setEnterpriseChoice] = useState<string>(ALL_ENTERPRISES);
  const [job, setJob] = useState<Job | null>(null);
  const [preview, setPreview] = useState<(PreviewDocument & { fileName: string }) | null>(null);
  const [saved, setSaved] = useState<SavedDocument | null>(null);
  const [unprintable, setUnprintable] = useState<{
    entries: UnprintableEntry[];
    decide: (go: boolean) => void;
  } | null>(null);
  const controller = useRef<AbortController | null>(null);
  const previews = useRef(0);

  // Leaving the page stops a build under way: a download must not start on another page.
  useEffect(() => () => controller.current?.abort(), []);

  const enterprises = useMemo(() => handoverEnterprises(passengers ?? []), [passengers]);

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
    if (passengers && nothingToPrint(requestFor(row, undefined).kind, passengers.length)) {
      notifications.show({ color: 'yellow', message: t('documents.nothingToPrint', { document: documentName(row) }) });
      return;
    }
    const abort = new AbortController();
    controller.current = abort;
    setJob({ row, purpose, percent: 0 });
    setSaved(null);
    const fileName = fileNameOf(row);
    try {
      const request = requestFor(row, row === 'handover' ? enterpriseId : undefined);
      const source = await loadBatchPapers(batch.id);
      const printT = i18n.getFixedT(language);
      const papers = { ...source.papers, gate: paperGate(source.gate, { t: printT, language, batch, route }) };
      // Never □ silently (issue 15): whoever would print so is named first, and the user decides.
      const entries = await findUnprintableNames(papers, request);
      if (abort.signal.aborted) throw abortError();
      if (entries.length > 0) {
        const go = await new Promise<boolean>((decide) => {
          abort.signal.addEventListener('abort', () => decide(false), { once: true });
          setUnprintable({ entries, decide });
        });
        setUnprintable(null);
        if (!go) return;
      }
      // Recorded before anything is built: a print of full numbers that fails half way still counts.
      const audit = fullNumbers
        ? await recordFullNumbersPrint(
            batch.id,
            auditedDocument(row),
            reason,
            request.kind === 'handover' ? request.enterpriseId : undefined,
          )
        : null;
      const print: PrintContext = {
        language,
        operator: settings.operatorName,
        organization: settings.organizationName,
        printedAt: audit?.at ?? new Date().toISOString(),
        fullNumbers,
        // Read after the print's own audit row: the cover prints the anchor as it stands (issue 16, item 1).
        auditAnchor: (await currentAuditAnchor())?.head ?? null,
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
      {/* File > Print on the desktop: the preview of every paper, printed from there (issue 21). */}
      <PrintAction action={busy ? null : () => void make('all', 'preview')} />
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
      <UnprintableWarning
        entries={unprintable?.entries ?? null}
        onGo={() => unprintable?.decide(true)}
        onCancel={() => unprintable?.decide(false)}
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

/** A refused print of full numbers in the documents' words: no operator is named to record it. */
function documentProblemMessage(problem: FieldProblem, t: TFunction): string {
  return problem.code === 'operator-missing' ? t('documents.fullNumbers.operatorMissing') : problemMessage(problem, t);
}

/** Tells the user why a document was not made or saved, in words. */
function showFailure(error: unknown, t: TFunction): void {
  if (isAbortError(error)) {
    notifications.show({ color: 'gray', message: t('documents.progress.cancelled') });
  } else if (error instanceof RecordRejectedError) {
    notifyWriteFailure(error, t, 'recording a print of full numbers', (problem) => documentProblemMessage(problem, t));
  } else if (error instanceof RecordNotFoundError) {
    // Said for what was being done: the batch (or its route) is gone, so nothing can be printed.
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

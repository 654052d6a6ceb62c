import { useEffect, useRef, useState } from 'react';
import { proxy, transfer } from 'comlink';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Menu,
  Progress,
  Radio,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Language } from '../../../../shared/domain/records';
import {
  ROSTER_FIELDS,
  normalizeHeader,
  rosterTemplate,
  type ColumnMapping,
  type RosterField,
  type RosterFormat,
  type RosterRowStatus,
  type RosterRowVerdict,
} from '../../../../shared/roster';
import { BRIDGE_ERRORS } from '../../../../shared/bridge';
import {
  rememberColumns,
  startRosterSession,
  type RosterSession,
  type RosterSummary,
  type VerdictCounts,
  rememberedColumns,
  workerCheckOptions,
  type ExistingChoice,
  type ImportProgress,
  type ImportReport,
} from '../../../db';
import { platform } from '../../../platform';
import { logger } from '../../../logger';
import { problemMessage } from '../../../components/field-problems';

const MAX_ROSTER_BYTES = 50 * 1024 * 1024;
const REQUIRED: readonly RosterField[] = ['name', 'residentId', 'phone'];
/** Rows of the preview shown at first, and added by each "show more": a short first page keeps the preview quick to appear. */
const PREVIEW_ROWS = 50;

type Step =
  | { kind: 'pick' }
  | { kind: 'reading'; fileName: string }
  | { kind: 'map'; fileName: string; summary: RosterSummary; mapping: ColumnMapping }
  | { kind: 'checking'; fileName: string; summary: RosterSummary; mapping: ColumnMapping }
  | { kind: 'preview'; fileName: string; summary: RosterSummary; mapping: ColumnMapping; counts: VerdictCounts }
  | { kind: 'importing'; fileName: string; summary: RosterSummary; progress: ImportProgress }
  | {
      kind: 'done';
      fileName: string;
      summary: RosterSummary;
      report: ImportReport;
      counts: VerdictCounts;
      failure?: string;
    };

function problemText(verdict: Pick<RosterRowVerdict, 'problems'>, t: TFunction): string {
  return verdict.problems.map((problem) => problemMessage(problem, t)).join(t('rosterImport.reasonSeparator'));
}

async function saveRosterFile(bytes: Uint8Array, name: string, extension: RosterFormat): Promise<string | null> {
  const result = await platform.saveFile({
    suggestedName: `${name}.${extension}`,
    filters: [{ name: extension === 'xlsx' ? 'Excel' : 'CSV', extensions: [extension] }],
    data: bytes,
  });
  return result.saved ? (result.fileName ?? `${name}.${extension}`) : null;
}

function TemplateMenu() {
  const { t, i18n } = useTranslation();
  const save = async (format: RosterFormat) => {
    const file = await rosterTemplate(format, i18n.language as Language);
    await saveRosterFile(file.bytes, t('rosterImport.title'), format);
  };
  return (
    <Menu>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} />} rightSection={<IconChevronDown size={14} />}>
          {t('rosterImport.template')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => void save('xlsx')}>{t('rosterImport.templateXlsx')}</Menu.Item>
        <Menu.Item onClick={() => void save('csv')}>{t('rosterImport.templateCsv')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function ColumnsStep(props: {
  /** What the file holds. */
  summary: RosterSummary;
  /** The current column choice per field. */
  mapping: ColumnMapping;
  /** Called when the user changes a column. */
  onChange: (mapping: ColumnMapping) => void;
}) {
  const { t } = useTranslation();
  const options = props.summary.headers.map((header, index) => ({
    value: String(index),
    label: header === '' ? `#${index + 1}` : header,
  }));
  return (
    <Table aria-label={t('rosterImport.columnsTitle')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('rosterImport.field')}</Table.Th>
          <Table.Th>{t('rosterImport.column')}</Table.Th>
          <Table.Th>{t('rosterImport.sample')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {ROSTER_FIELDS.map((field) => {
          const column = props.mapping[field];
          return (
            <Table.Tr key={field}>
              <Table.Td>
                {t(`workers.fields.${field}`)}
                {REQUIRED.includes(field) && (
                  <Text span c="red">
                    {' '}
                    *
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={t(`workers.fields.${field}`)}
                  data={options}
                  placeholder={t('rosterImport.notInFile')}
                  value={column === undefined ? null : String(column)}
                  onChange={(value) => {
                    const others = Object.entries(props.mapping).filter(([key]) => key !== field);
                    props.onChange(Object.fromEntries(value === null ? others : [...others, [field, Number(value)]]));
                  }}
                  clearable
                  w={220}
                />
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" truncate maw={320}>
                  {column === undefined
                    ? ''
                    : props.summary.samples
                        .map((row) => row[column] ?? '')
                        .filter(Boolean)
                        .join(' / ')}
                </Text>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

const STATUS_COLOR: Record<RosterRowStatus, string> = { valid: 'teal', warning: 'yellow', error: 'red' };

function VerdictTable(props: {
  /** The session holding the checked rows. */
  session: RosterSession;
  /** The file's column headers, to show the name and ID of each row. */
  mapping: ColumnMapping;
}) {
  const { t } = useTranslation();
  const [show, setShow] = useState<'all' | 'error' | 'warning'>('all');
  const [rows, setRows] = useState<{ total: number; rows: RosterRowVerdict[] } | null>(null);
  const [limit, setLimit] = useState(PREVIEW_ROWS);
  useEffect(() => {
    const statuses: RosterRowStatus[] = show === 'all' ? ['valid', 'warning', 'error'] : [show];
    void props.session.api.verdicts(statuses, 0, limit).then(setRows);
  }, [props.session, show, limit]);
  const fields = ROSTER_FIELDS.filter((field) => props.mapping[field] !== undefined);
  const cell = (verdict: RosterRowVerdict, field: RosterField) => {
    const column = props.mapping[field];
    return column === undefined ? '' : (verdict.cells[column] ?? '');
  };
  return (
    <Stack gap="xs">
      <Group>
        <Text size="sm">{t('rosterImport.show')}</Text>
        <SegmentedControl
          size="xs"
          value={show}
          onChange={(value) => {
            setShow(value);
            setLimit(PREVIEW_ROWS);
          }}
          data={[
            { value: 'all', label: t('rosterImport.showAll') },
            { value: 'error', label: t('rosterImport.showErrors') },
            { value: 'warning', label: t('rosterImport.showWarnings') },
          ]}
        />
      </Group>
      <Table.ScrollContainer minWidth={1400}>
        <Table striped aria-label={t('rosterImport.previewTitle')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('rosterImport.line')}</Table.Th>
              <Table.Th miw={96}>{t('rosterImport.result')}</Table.Th>
              <Table.Th miw={280}>{t('rosterImport.reasons')}</Table.Th>
              {fields.map((field) => (
                <Table.Th key={field} style={{ whiteSpace: 'nowrap' }}>
                  {t(`workers.fields.${field}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows?.rows.map((verdict) => (
              <Table.Tr key={verdict.line} data-testid="verdict-row" data-status={verdict.status}>
                <Table.Td>{verdict.line}</Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOR[verdict.status]} variant="light" miw={64}>
                    {t(`rosterImport.statusLabel.${verdict.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{problemText(verdict, t)}</Text>
                </Table.Td>
                {fields.map((field) => {
                  // The reason stands on the cell it is about, as well as in the last column.
                  const problems = verdict.problems.filter((problem) => problem.field === field);
                  const severity = problems.some((p) => p.severity === 'error')
                    ? 'error'
                    : problems.length > 0
                      ? 'warning'
                      : null;
                  return (
                    <Table.Td
                      key={field}
                      data-problem={severity ?? undefined}
                      title={problems
                        .map((problem) => problemMessage(problem, t))
                        .join(t('rosterImport.reasonSeparator'))}
                      style={{
                        whiteSpace: 'nowrap',
                        background: severity
                          ? `var(--mantine-color-${severity === 'error' ? 'red' : 'yellow'}-1)`
                          : undefined,
                        fontFamily:
                          field === 'residentId' || field === 'phone'
                            ? 'var(--mantine-font-family-monospace)'
                            : undefined,
                      }}
                    >
                      {cell(verdict, field)}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows && rows.total > rows.rows.length && (
        <Group>
          <Text size="sm" c="dimmed">
            {`${rows.rows.length} / ${rows.total}`}
          </Text>
          <Button size="xs" variant="default" onClick={() => setLimit((current) => current + 10 * PREVIEW_ROWS)}>
            {t('rosterImport.showMore', { count: Math.min(10 * PREVIEW_ROWS, rows.total - rows.rows.length) })}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

export function ImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [step, setStep] = useState<Step>({ kind: 'pick' });
  const [problem, setProblem] = useState<string | null>(null);
  const [existing, setExisting] = useState<ExistingChoice>('skip');
  const [registered, setRegistered] = useState<number | null>(null);
  const [session, setSession] = useState<RosterSession | null>(null);

  // A session ends when another replaces it and when the page is left: the file's rows go with it.
  useEffect(() => () => session?.end(), [session]);

  // The next file's worker starts while the user picks the file, so that its code is loaded and
  // ready when the file arrives; a worker never used ends with the page.
  const spare = useRef<RosterSession | null>(null);
  useEffect(() => {
    if (session === null) spare.current ??= startRosterSession();
  }, [session]);
  useEffect(
    () => () => {
      spare.current?.end();
      spare.current = null;
    },
    [],
  );

  const restart = () => {
    setSession(null);
    setProblem(null);
    setRegistered(null);
    setStep({ kind: 'pick' });
  };

  const restartKeepingProblem = () => {
    setSession(null);
    setStep({ kind: 'pick' });
  };

  const choose = async () => {
    setProblem(null);
    let file;
    try {
      file = await platform.openFile({
        filters: [{ name: 'Excel / CSV', extensions: ['xlsx', 'csv'] }],
        maxBytes: MAX_ROSTER_BYTES,
      });
    } catch (error) {
      const code =
        error instanceof Error && error.message === BRIDGE_ERRORS.fileTooLarge ? 'file-too-large' : 'damaged';
      setProblem(t('rosterImport.readFailed', { reason: t(`rosterImport.readErrors.${code}`) }));
      return;
    }
    if (!file) return;
    const current = spare.current ?? startRosterSession();
    spare.current = null;
    setSession(current);
    setStep({ kind: 'reading', fileName: file.fileName });
    try {
      // Handed over, not copied: the window has no more use for the bytes.
      const bytes = file.data.buffer instanceof ArrayBuffer ? transfer(file.data, [file.data.buffer]) : file.data;
      const [remembered, checkOptions] = await Promise.all([rememberedColumns(), workerCheckOptions()]);
      const summary = await current.api.read(file.fileName, bytes, remembered, checkOptions);
      setStep({ kind: 'map', fileName: file.fileName, summary, mapping: summary.mapping });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const known = ['unsupported-format', 'empty', 'no-header', 'damaged'].includes(message) ? message : 'damaged';
      if (known !== message) logger.warn('roster could not be read', error);
      setProblem(t('rosterImport.readFailed', { reason: t(`rosterImport.readErrors.${known}`) }));
      restartKeepingProblem();
    }
  };

  const check = async (fileName: string, summary: RosterSummary, mapping: ColumnMapping) => {
    const api = session?.api;
    if (!api) return;
    setStep({ kind: 'checking', fileName, summary, mapping });
    const remembered = rememberColumns(
      Object.fromEntries(
        Object.entries(mapping).map(([field, column]) => [normalizeHeader(summary.headers[column] ?? ''), field]),
      ) as Record<string, RosterField>,
    );
    const [{ counts, registered }] = await Promise.all([api.check(mapping, await workerCheckOptions()), remembered]);
    setStep({ kind: 'preview', fileName, summary, mapping, counts });
    setRegistered(registered);
  };

  const runImport = async (fileName: string, summary: RosterSummary, counts: VerdictCounts) => {
    const api = session?.api;
    if (!api) return;
    const total = counts.valid + counts.warning;
    setStep({ kind: 'importing', fileName, summary, progress: { done: 0, total } });
    const { report, failure } = await api.store(
      { onExisting: existing, source: fileName },
      // Progress comes on the proxy's own message channel, so a last report of it can arrive after
      // the import's answer: it must not take the page back from the report to the progress bar.
      proxy((progress: ImportProgress) =>
        setStep((current) => (current.kind === 'importing' ? { ...current, progress } : current)),
      ),
    );
    if (failure) logger.error('import interrupted', failure);
    setStep({ kind: 'done', fileName, summary, report, counts, ...(failure ? { failure } : {}) });
  };

  const saveRejected = async (fileName: string, summary: RosterSummary, report: ImportReport) => {
    const api = session?.api;
    if (!api) return;
    const errors = await api.errorRows();
    const rejected = [
      ...errors.map((row) => ({ line: row.line, reason: problemText(row, t) })),
      ...report.notReached.map((line) => ({ line, reason: t('rosterImport.notReached') })),
    ].sort((a, b) => a.line - b.line);
    const file = await api.rejectedFile(rejected, t('rosterImport.reasonHeader'));
    const base = fileName.replace(/\.[^.]+$/, '');
    const saved = await saveRosterFile(file.bytes, `${base}-${t('rosterImport.reasonHeader')}`, summary.format);
    if (saved) notifications.show({ color: 'teal', message: t('rosterImport.rejectedSaved', { file: saved }) });
  };

  return (
    <Stack maw={1100}>
      <Title order={2}>{t('rosterImport.title')}</Title>
      {problem && (
        <Alert color="red" data-testid="import-problem">
          {problem}
        </Alert>
      )}
      {step.kind === 'pick' && (
        <Card withBorder>
          <Stack>
            <Text>{t('rosterImport.intro')}</Text>
            <Group>
              <Button leftSection={<IconFileSpreadsheet size={18} />} onClick={() => void choose()}>
                {t('rosterImport.chooseFile')}
              </Button>
              <TemplateMenu />
            </Group>
          </Stack>
        </Card>
      )}
      {(step.kind === 'reading' || step.kind === 'checking') && (
        <Group>
          <Loader size="sm" />
          <Text>
            {step.kind === 'reading' ? t('rosterImport.reading', { file: step.fileName }) : t('rosterImport.checking')}
          </Text>
          <Button variant="default" onClick={restart}>
            {t('common.cancel')}
          </Button>
        </Group>
      )}
      {(step.kind === 'map' || step.kind === 'preview' || step.kind === 'importing' || step.kind === 'done') && (
        <Text size="sm" c="dimmed">
          {t('rosterImport.fileInfo', {
            file: step.fileName,
            rows: step.summary.rowCount,
            line: step.summary.headerLine,
          })}
          {step.summary.encoding
            ? ` · ${t('rosterImport.encoding', { encoding: step.summary.encoding.toUpperCase() })}`
            : ''}
        </Text>
      )}
      {step.kind === 'map' && (
        <Card withBorder>
          <Stack>
            <Title order={4}>{t('rosterImport.columnsTitle')}</Title>
            <Text size="sm">{t('rosterImport.columnsHint')}</Text>
            <ColumnsStep
              summary={step.summary}
              mapping={step.mapping}
              onChange={(mapping) => setStep({ ...step, mapping })}
            />
            {REQUIRED.some((field) => step.mapping[field] === undefined) && (
              <Alert color="red">{t('rosterImport.nameAndIdRequired')}</Alert>
            )}
            <Group>
              <Button variant="default" onClick={restart}>
                {t('rosterImport.back')}
              </Button>
              <Button
                disabled={REQUIRED.some((field) => step.mapping[field] === undefined)}
                onClick={() => void check(step.fileName, step.summary, step.mapping)}
              >
                {t('rosterImport.check')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
      {step.kind === 'preview' && session && (
        <Card withBorder>
          <Stack>
            <Title order={4}>{t('rosterImport.previewTitle')}</Title>
            <Text data-testid="import-counts">
              {t('rosterImport.counts', {
                valid: step.counts.valid + step.counts.warning,
                warning: step.counts.warning,
                error: step.counts.error,
              })}
            </Text>
            {registered !== null && registered > 0 && (
              <Radio.Group
                label={`${t('rosterImport.existingChoice')} · ${t('rosterImport.registered', { count: registered })}`}
                value={existing}
                onChange={(value) => setExisting(value === 'update' ? 'update' : 'skip')}
              >
                <Stack gap={4} mt={4}>
                  <Radio value="skip" label={t('rosterImport.existingSkip')} />
                  <Radio value="update" label={t('rosterImport.existingUpdate')} />
                </Stack>
              </Radio.Group>
            )}
            <VerdictTable session={session} mapping={step.mapping} />
            <Group>
              <Button variant="default" onClick={() => setStep({ ...step, kind: 'map' })}>
                {t('rosterImport.back')}
              </Button>
              <Button
                disabled={step.counts.valid + step.counts.warning === 0 || registered === null}
                onClick={() => void runImport(step.fileName, step.summary, step.counts)}
              >
                {t('rosterImport.start', { count: step.counts.valid + step.counts.warning })}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
      {step.kind === 'importing' && (
        <Card withBorder>
          <Stack>
            <Text>{t('rosterImport.importing', { done: step.progress.done, total: step.progress.total })}</Text>
            <Progress
              value={step.progress.total === 0 ? 100 : (100 * step.progress.done) / step.progress.total}
              animated
            />
            <Group>
              <Button variant="default" onClick={() => void session?.api.cancel()}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
      {step.kind === 'done' && (
        <Card withBorder data-testid="import-report">
          <Stack>
            <Title order={4}>{t('rosterImport.doneTitle')}</Title>
            {step.report.cancelled && <Alert color="yellow">{t('rosterImport.cancelled')}</Alert>}
            {step.failure && <Alert color="red">{t('rosterImport.failed', { message: step.failure })}</Alert>}
            <Text>{t('rosterImport.created', { count: step.report.created.length })}</Text>
            <Text>{t('rosterImport.updated', { count: step.report.updated.length })}</Text>
            <Text>{t('rosterImport.unchanged', { count: step.report.unchanged.length })}</Text>
            <Text>{t('rosterImport.notImported', { count: step.counts.error + step.report.notReached.length })}</Text>
            <Group>
              {step.counts.error + step.report.notReached.length > 0 && (
                <Button
                  leftSection={<IconDownload size={16} />}
                  onClick={() => void saveRejected(step.fileName, step.summary, step.report)}
                >
                  {t('rosterImport.saveRejected')}
                </Button>
              )}
              <Button variant="default" onClick={restart}>
                {t('rosterImport.another')}
              </Button>
              <Button variant="default" onClick={() => void navigate('/workers')}>
                {t('rosterImport.toList')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}

import { Alert, Button, Card, Group, List, Loader, Progress, Radio, Select, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { ImportJournalEntry, RosterSummary } from '@renderer/db';
import { useLanguage } from '@renderer/i18n/use-language';
import { ColumnsStep, REQUIRED } from './ColumnsStep';
import { footerText, interruptedImportText } from './roster-texts';
import { TemplateMenu } from './TemplateMenu';
import { useRosterImport, type RosterImportClient } from './use-roster-import';
import { VerdictTable } from './VerdictTable';

interface ImportPageProps {
  /** Where the import gets its worker and its file; the app's own when absent (tests pass theirs). */
  client?: RosterImportClient;
}

/** The footer rows under the people, shown as left out so that the user sees nothing was lost. */
function FooterLines({ summary }: { summary: RosterSummary }) {
  const { t } = useTranslation();
  if (summary.footer.length === 0) return null;
  return (
    <Alert color="gray" data-testid="import-footer">
      <Text size="sm">{t('rosterImport.footerIgnored', { count: summary.footer.length })}</Text>
      <List size="sm" mt={4}>
        {summary.footer.map((footer) => (
          <List.Item key={footer.line}>
            {t('rosterImport.footerLine', { line: footer.line, text: footerText(footer) })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** An import cut off half-way: what it stored, and the choice to finish it with its file or not. */
function InterruptedImport({
  entry,
  onFinish,
  onAbandon,
}: {
  entry: ImportJournalEntry;
  onFinish: () => void;
  onAbandon: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Alert color="yellow" title={t('rosterImport.interrupted.title')} data-testid="import-interrupted">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{interruptedImportText(entry, 'summary', t, language)}</Text>
        {entry.operator !== '' && (
          <Text size="sm" c="dimmed">
            {t('rosterImport.interrupted.operator', { name: entry.operator })}
          </Text>
        )}
        <Group>
          <Button leftSection={<IconFileSpreadsheet size={18} />} onClick={onFinish}>
            {t('rosterImport.interrupted.finish')}
          </Button>
          <Button variant="default" onClick={onAbandon}>
            {t('rosterImport.interrupted.abandon')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** Imports a roster file: choose it, check its columns and rows, store them, and see the report. */
export function ImportPage({ client }: ImportPageProps = {}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const {
    step,
    interrupted,
    resuming,
    finish,
    abandon,
    problem,
    existing,
    setExisting,
    registered,
    changed,
    session,
    setMapping,
    backToColumns,
    choose,
    chooseSheet,
    check,
    runImport,
    saveRejected,
    restart,
    cancelImport,
  } = useRosterImport(client);

  return (
    <Stack maw={1100}>
      <Title order={2}>{t('rosterImport.title')}</Title>
      {problem && (
        <Alert color="red" data-testid="import-problem">
          {problem}
        </Alert>
      )}
      {step.kind === 'pick' &&
        interrupted.map((entry) => (
          <InterruptedImport
            key={entry.id}
            entry={entry}
            onFinish={() => void finish(entry)}
            onAbandon={() => void abandon(entry)}
          />
        ))}
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
          {step.summary.sheet !== undefined && (step.summary.sheets?.length ?? 0) > 1
            ? ` · ${t('rosterImport.sheet')}${t('common.labelSeparator')}${step.summary.sheet}`
            : ''}
        </Text>
      )}
      {step.kind === 'map' && (
        <Card withBorder>
          <Stack>
            {step.summary.sheets && step.summary.sheets.length > 1 && (
              <Select
                label={t('rosterImport.sheet')}
                description={t('rosterImport.sheetHint', { count: step.summary.sheets.length })}
                data={step.summary.sheets}
                value={step.summary.sheet ?? null}
                onChange={(sheet) => {
                  if (sheet !== null) void chooseSheet(sheet);
                }}
                allowDeselect={false}
                maw={520}
              />
            )}
            <Title order={4}>{t('rosterImport.columnsTitle')}</Title>
            <Text size="sm">{t('rosterImport.columnsHint')}</Text>
            <ColumnsStep summary={step.summary} mapping={step.mapping} onChange={setMapping} />
            {REQUIRED.some((field) => step.mapping[field] === undefined) && (
              <Alert color="red">{t('rosterImport.nameAndIdRequired')}</Alert>
            )}
            <FooterLines summary={step.summary} />
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
            {resuming && (
              <Alert color="blue" data-testid="import-resuming">
                {t('rosterImport.interrupted.resuming', { file: resuming.fileName, stored: resuming.rowsStored })}
              </Alert>
            )}
            <Text data-testid="import-counts">
              {t('rosterImport.counts', {
                valid: step.counts.valid + step.counts.warning,
                warning: step.counts.warning,
                error: step.counts.error,
              })}
            </Text>
            {changed > 0 && (
              <Text size="sm" data-testid="import-changed">
                {t('rosterImport.changedCount', { count: changed })}
              </Text>
            )}
            <FooterLines summary={step.summary} />
            {!resuming && registered !== null && registered > 0 && (
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
              {/* A finish keeps the columns of the import it finishes: back is to the start. */}
              <Button variant="default" onClick={resuming ? restart : backToColumns}>
                {t('rosterImport.back')}
              </Button>
              <Button
                disabled={step.counts.valid + step.counts.warning === 0 || registered === null}
                onClick={() => void runImport(step.fileName, step.summary, step.mapping, step.counts)}
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
              <Button variant="default" onClick={cancelImport}>
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
            {resuming && !step.report.cancelled && !step.failure && (
              <Alert color="teal">{t('rosterImport.interrupted.finished')}</Alert>
            )}
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

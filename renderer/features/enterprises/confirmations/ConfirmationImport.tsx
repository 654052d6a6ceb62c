import { Alert, Button, Card, Group, Loader, Progress, Select, Stack, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { todayCalendarDate } from '@shared/dates';
import { writeFailureMessage } from '@renderer/components/write-failure';
import { DateField } from '@renderer/components/DateField';
import { ConfirmationColumns } from './ConfirmationColumns';
import { ConfirmationReport } from './ConfirmationReport';
import { isAccepted, useConfirmationImport } from './use-confirmation-import';

/**
 * The enterprise page's confirmation lists (issue 17, item 6): choose the list the enterprise sent
 * back, map its columns and give its date, see the report, confirm, and see what was written.
 */
export function ConfirmationImport({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const flow = useConfirmationImport(enterpriseId);
  const { step } = flow;
  const today = todayCalendarDate();

  return (
    <Card withBorder data-testid="confirmation-import">
      <Stack>
        <Title order={4}>{t('confirmations.title')}</Title>
        {flow.problem && (
          <Alert color="red" data-testid="confirmation-problem">
            {flow.problem}
          </Alert>
        )}
        {step.kind === 'pick' && (
          <>
            <Text size="sm">{t('confirmations.intro')}</Text>
            <Group>
              <Button leftSection={<IconFileSpreadsheet size={18} />} onClick={flow.choose}>
                {t('confirmations.open')}
              </Button>
            </Group>
          </>
        )}
        {(step.kind === 'reading' || step.kind === 'checking') && (
          <Group>
            <Loader size="sm" />
            <Text>
              {step.kind === 'reading'
                ? t('confirmations.reading', { file: step.fileName })
                : t('confirmations.checking')}
            </Text>
          </Group>
        )}
        {(step.kind === 'map' || step.kind === 'report') && (
          <Text size="sm" c="dimmed">
            {t('confirmations.fileInfo', {
              file: step.fileName,
              rows: step.table.rows.length,
              line: step.table.headerLine,
            })}
            {step.table.sheet !== undefined && (step.table.sheets?.length ?? 0) > 1
              ? ` · ${t('confirmations.sheet')}${t('common.labelSeparator')}${step.table.sheet}`
              : ''}
          </Text>
        )}
        {step.kind === 'map' && (
          <>
            {step.table.sheets && step.table.sheets.length > 1 && (
              <Select
                label={t('confirmations.sheet')}
                data={step.table.sheets}
                value={step.table.sheet ?? null}
                onChange={(sheet) => {
                  if (sheet !== null) flow.chooseSheet(sheet);
                }}
                allowDeselect={false}
                maw={420}
              />
            )}
            <Title order={5}>{t('confirmations.columnsTitle')}</Title>
            <ConfirmationColumns table={step.table} mapping={step.mapping} onChange={flow.setMapping} />
            {step.mapping.residentId === undefined && <Alert color="red">{t('confirmations.noIdColumn')}</Alert>}
            {step.mapping.residentId !== undefined && step.mapping.status === undefined && (
              <Alert color="blue">{t('confirmations.noStatusColumn')}</Alert>
            )}
            <DateField
              label={t('confirmations.listDate')}
              description={t('confirmations.listDateHint')}
              value={flow.listDate}
              onChange={flow.setListDate}
              maxDate={today}
              maw={320}
            />
            <Group>
              <Button variant="default" onClick={flow.restart}>
                {t('confirmations.back')}
              </Button>
              <Button disabled={step.mapping.residentId === undefined} onClick={flow.check}>
                {t('confirmations.check')}
              </Button>
            </Group>
          </>
        )}
        {step.kind === 'report' && (
          <Stack data-testid="confirmation-report">
            <Title order={5}>{t('confirmations.reportTitle')}</Title>
            <Text size="sm">{t('confirmations.reportHint')}</Text>
            <ConfirmationReport verdicts={step.verdicts} forced={flow.forced} onForce={flow.force} />
            <Group>
              <Button variant="default" onClick={flow.backToColumns}>
                {t('confirmations.back')}
              </Button>
              {(() => {
                const count = step.verdicts.filter(
                  (verdict) => verdict.category !== 'already-recorded' && isAccepted(verdict, flow.forced),
                ).length;
                return (
                  <Button disabled={count === 0} onClick={flow.write}>
                    {t('confirmations.write', { count })}
                  </Button>
                );
              })()}
            </Group>
          </Stack>
        )}
        {step.kind === 'writing' && (
          <Stack>
            <Text>{t('confirmations.writing', { done: step.progress.done, total: step.progress.total })}</Text>
            <Progress
              value={step.progress.total === 0 ? 100 : (100 * step.progress.done) / step.progress.total}
              animated
            />
            <Group>
              <Button variant="default" onClick={flow.cancel}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        )}
        {step.kind === 'done' && (
          <Stack data-testid="confirmation-done">
            <Title order={5}>{t('confirmations.doneTitle')}</Title>
            {step.result.cancelled && <Alert color="yellow">{t('confirmations.cancelled')}</Alert>}
            {step.result.failure !== undefined && (
              <Alert color="red">
                {t('confirmations.failed', { message: writeFailureMessage(step.result.failure, t) })}
              </Alert>
            )}
            <Text data-testid="confirmation-written" data-count={step.result.written}>
              {t('confirmations.written', { count: step.result.written })}
            </Text>
            {step.result.skipped > 0 && (
              <Text data-testid="confirmation-skipped" data-count={step.result.skipped}>
                {t('confirmations.skipped', { count: step.result.skipped })}
              </Text>
            )}
            {step.result.notWritten > 0 && (
              <Text>{t('confirmations.notWritten', { count: step.result.notWritten })}</Text>
            )}
            <Group>
              <Button variant="default" onClick={flow.restart}>
                {t('confirmations.another')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

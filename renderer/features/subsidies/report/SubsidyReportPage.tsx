import { useMemo, useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAddressParams } from '@renderer/components/use-address-params';
import { safeFileName } from '@shared/file-name';
import { formatYuan, type Fen } from '@shared/subsidy/money';
import {
  filterReportClaims,
  reportPeriod,
  subsidyReport,
  type ReportClaim,
  type ReportTotals,
  type SubsidyReport,
} from '@shared/subsidy/report';
import { reportClaims, useRepositoryQuery } from '@renderer/db';
import { logger } from '@renderer/logger';
import { platform } from '@renderer/platform';
import { useBeijingToday } from '../../followup/use-desk';
import { PeopleBehind } from './PeopleBehind';
import {
  BUCKETS,
  REPORT_GROUPINGS,
  periodLabel,
  reportLines,
  standingCount,
  standingFen,
  withWorkersAsOne,
  type ReportGrouping,
  type ReportLine,
} from './report-lines';

const BUCKET_COLOR = { owed: 'blue', onNotice: 'yellow', paid: 'teal', rejected: 'red' } as const;

function groupingOf(value: string | null): ReportGrouping {
  return (REPORT_GROUPINGS as readonly string[]).includes(value ?? '') ? (value as ReportGrouping) : 'scheme';
}

/** A month `yyyy-MM` from the address, or null. */
function monthOf(value: string | null): string | null {
  return value !== null && /^\d{4}-(0[1-9]|1[0-2])$/.test(value) ? value : null;
}

/** An amount with the number of claims behind it, under it. */
function Amount({ fen, count, testId }: { fen: Fen; count: number; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={0} align="flex-end" data-testid={testId}>
      <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }} c={count === 0 ? 'dimmed' : undefined}>
        {formatYuan(fen)}
      </Text>
      {count > 0 && (
        <Text size="xs" c="dimmed">
          {t('subsidy.report.claims', { count })}
        </Text>
      )}
    </Stack>
  );
}

function LineCells({ totals, testId }: { totals: ReportTotals; testId: string }) {
  return (
    <>
      {BUCKETS.map((bucket) => (
        <Table.Td key={bucket} ta="right">
          <Amount fen={totals[bucket].fen} count={totals[bucket].claimIds.length} testId={`${testId}-${bucket}`} />
        </Table.Td>
      ))}
      <Table.Td ta="right" fw={600}>
        <Amount fen={standingFen(totals)} count={standingCount(totals)} testId={`${testId}-total`} />
      </Table.Td>
    </>
  );
}

function ReportTable({
  report,
  grouping,
  claims,
}: {
  report: SubsidyReport;
  grouping: ReportGrouping;
  claims: ReadonlyMap<string, ReportClaim>;
}) {
  const { t } = useTranslation();
  const lines: ReportLine[] = useMemo(() => reportLines(report, grouping, t), [report, grouping, t]);
  const [open, setOpen] = useState<ReportLine | null>(null);
  return (
    <>
      {open && <PeopleBehind line={open} claims={claims} onClose={() => setOpen(null)} />}
      <Table striped highlightOnHover verticalSpacing={6} data-testid={`report-table-${grouping}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t(`subsidy.report.columns.${grouping}`)}</Table.Th>
            {BUCKETS.map((bucket) => (
              <Table.Th key={bucket} ta="right">
                {t(`subsidy.report.columns.${bucket}`)}
              </Table.Th>
            ))}
            <Table.Th ta="right">{t('subsidy.report.columns.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line) => (
            <Table.Tr key={line.key} data-testid="report-line" data-key={line.key}>
              <Table.Td fw={500}>
                <Anchor
                  component="button"
                  type="button"
                  fw={500}
                  size="sm"
                  title={t('subsidy.report.people.open')}
                  onClick={() => setOpen(line)}
                  data-testid="report-line-label"
                >
                  {line.label}
                </Anchor>
                {line.payee && line.payee !== 'worker' && (
                  <Badge ml={8} size="sm" variant="light" color="gray">
                    {t(`subsidy.payee.${line.payee}`)}
                  </Badge>
                )}
              </Table.Td>
              <LineCells totals={line.totals} testId="report-line" />
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr data-testid="report-grand-line">
            <Table.Th>{t('subsidy.report.grandTotal')}</Table.Th>
            <LineCells totals={report.all} testId="report-grand" />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </>
  );
}

/**
 * The subsidy report (route `/subsidies/report`, issue 18, item 6, 补贴汇总报表): what all schemes'
 * claims come to, owed, on notice, paid and rejected, by scheme, payee, township or month, in yuan
 * with two decimals summed in whole fen (shared/subsidy/report.ts), with the number of claims behind
 * each sum and a grand total; for one scheme year and a range of months, or all. The year, months
 * and grouping stand in the address. A page of its own rather than a tab of the claims page: it
 * spans every scheme, where the claims page shows one. Saved as XLSX, a sheet per grouping.
 */
export function SubsidyReportPage() {
  const { t } = useTranslation();
  const today = useBeijingToday();
  const stored = useRepositoryQuery(reportClaims, []);
  const [params, setParam] = useAddressParams();
  const [saving, setSaving] = useState(false);
  const yearParam = params.get('year');
  const year = yearParam !== null && /^\d{4}$/.test(yearParam) ? Number(yearParam) : null;
  const from = monthOf(params.get('from'));
  const to = monthOf(params.get('to'));
  const grouping = groupingOf(params.get('by'));

  const claims = useMemo(() => (stored ? withWorkersAsOne(stored, t) : undefined), [stored, t]);
  const years = useMemo(
    () =>
      [...new Set((claims ?? []).map((claim) => claim.year).filter((y): y is number => y !== undefined))].sort(
        (a, b) => b - a,
      ),
    [claims],
  );
  const computed = useMemo(():
    | { report: SubsidyReport; months: string[]; shown: number; byId: ReadonlyMap<string, ReportClaim> }
    | { error: string }
    | undefined => {
    if (!claims) return undefined;
    try {
      const ofYear: ReportClaim[] = filterReportClaims(claims, { year });
      const months = [...new Set(ofYear.map(reportPeriod))].sort();
      const shown = filterReportClaims(ofYear, { from, to });
      return {
        report: subsidyReport(shown),
        months,
        shown: shown.length,
        byId: new Map(shown.map((claim) => [claim.id, claim])),
      };
    } catch (error) {
      logger.error('the subsidy report failed', error);
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [claims, year, from, to]);

  const anyMonth = t('subsidy.report.anyMonth');
  const filterLine = t('subsidy.report.filterLine', {
    year: year === null ? t('subsidy.report.allYears') : t('subsidy.report.yearOption', { year }),
    from: from === null ? anyMonth : periodLabel(from, t),
    to: to === null ? anyMonth : periodLabel(to, t),
  });

  const save = async (report: SubsidyReport) => {
    setSaving(true);
    try {
      const { buildReportXlsx } = await import('./report-xlsx');
      const data = await buildReportXlsx(
        report,
        { filterLine, madeOn: t('subsidy.report.madeOn', { date: today }) },
        t,
      );
      const result = await platform.saveFile({
        suggestedName: safeFileName([t('subsidy.report.fileName'), today], 'xlsx'),
        filters: [{ name: 'Excel', extensions: ['xlsx'] }],
        data,
      });
      if (result.saved) notifications.show({ color: 'teal', message: t('subsidy.report.exported') });
    } catch (error) {
      logger.error('exporting the subsidy report failed', error);
      notifications.show({ color: 'red', message: t('subsidy.report.exportFailed') });
    } finally {
      setSaving(false);
    }
  };

  const header = (
    <Group justify="space-between">
      <Group gap="md">
        <Title order={2}>{t('subsidy.report.title')}</Title>
        <Anchor component={Link} to="/subsidies" size="sm">
          <Group gap={4}>
            <IconArrowLeft size={14} />
            {t('subsidy.report.back')}
          </Group>
        </Anchor>
      </Group>
      {computed && 'report' in computed && computed.shown > 0 && (
        <Button
          variant="light"
          leftSection={<IconFileSpreadsheet size={18} />}
          loading={saving}
          onClick={() => void save(computed.report)}
          data-testid="report-export"
        >
          {t('subsidy.report.export')}
        </Button>
      )}
    </Group>
  );

  if (computed === undefined) {
    return (
      <Stack gap="md">
        {header}
        <Center p="xl">
          <Stack align="center">
            <Loader />
            <Text c="dimmed">{t('subsidy.report.loading')}</Text>
          </Stack>
        </Center>
      </Stack>
    );
  }
  if ('error' in computed) {
    return (
      <Stack gap="md">
        {header}
        <Alert color="red" data-testid="report-failed">
          {t('subsidy.report.failed', { detail: computed.error })}
        </Alert>
      </Stack>
    );
  }
  if ((claims ?? []).length === 0) {
    return (
      <Stack gap="md" data-testid="subsidy-report">
        {header}
        <Text c="dimmed" data-testid="report-no-claims">
          {t('subsidy.report.noClaims')}
        </Text>
      </Stack>
    );
  }

  const { report, months } = computed;
  const monthOptions = months.map((month) => ({ value: month, label: periodLabel(month, t) }));
  return (
    <Stack gap="md" data-testid="subsidy-report">
      {header}
      <Group align="flex-end" gap="md">
        <Select
          label={t('subsidy.report.year')}
          data={[
            { value: 'all', label: t('subsidy.report.allYears') },
            ...years.map((value) => ({ value: String(value), label: t('subsidy.report.yearOption', { year: value }) })),
          ]}
          value={year === null ? 'all' : String(year)}
          onChange={(value) =>
            setParam({ year: value === null || value === 'all' ? null : value, from: null, to: null })
          }
          allowDeselect={false}
          w={160}
          data-testid="report-year"
        />
        <Select
          label={t('subsidy.report.from')}
          placeholder={anyMonth}
          data={monthOptions.filter((option) => to === null || option.value <= to)}
          value={from}
          onChange={(value) => setParam({ from: value })}
          clearable
          w={170}
          data-testid="report-from"
        />
        <Select
          label={t('subsidy.report.to')}
          placeholder={anyMonth}
          data={monthOptions.filter((option) => from === null || option.value >= from)}
          value={to}
          onChange={(value) => setParam({ to: value })}
          clearable
          w={170}
          data-testid="report-to"
        />
      </Group>

      <SimpleGrid cols={5} spacing="sm" data-testid="report-totals">
        {BUCKETS.map((bucket) => (
          <Paper key={bucket} withBorder p="sm" radius="md" data-testid={`report-total-${bucket}`}>
            <Text size="sm" c={BUCKET_COLOR[bucket]} fw={600}>
              {t(`subsidy.report.buckets.${bucket}`)}
            </Text>
            <Text fz={22} fw={700} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="report-total-amount">
              {t('subsidy.report.amount', { amount: formatYuan(report.all[bucket].fen) })}
            </Text>
            <Text size="xs" c="dimmed">
              {t('subsidy.report.claims', { count: report.all[bucket].claimIds.length })}
            </Text>
          </Paper>
        ))}
        <Paper withBorder p="sm" radius="md" data-testid="report-total-total" bg="var(--mantine-color-gray-0)">
          <Text size="sm" fw={600}>
            {t('subsidy.report.buckets.total')}
          </Text>
          <Text fz={22} fw={700} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="report-total-amount">
            {t('subsidy.report.amount', { amount: formatYuan(standingFen(report.all)) })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('subsidy.report.claims', { count: standingCount(report.all) })}
          </Text>
        </Paper>
      </SimpleGrid>

      {computed.shown === 0 ? (
        <Text c="dimmed" data-testid="report-empty">
          {t('subsidy.report.empty')}
        </Text>
      ) : (
        <Tabs
          value={grouping}
          onChange={(value) => setParam({ by: value === 'scheme' ? null : value })}
          keepMounted={false}
        >
          <Tabs.List>
            {REPORT_GROUPINGS.map((value) => (
              <Tabs.Tab key={value} value={value}>
                {t(`subsidy.report.by.${value}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {REPORT_GROUPINGS.map((value) => (
            <Tabs.Panel key={value} value={value} pt="sm">
              <ReportTable report={report} grouping={value} claims={computed.byId} />
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
      <Stack gap={2}>
        <Text size="xs" c="dimmed">
          {t('subsidy.report.totalHint')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('subsidy.report.periodHint')}
        </Text>
      </Stack>
    </Stack>
  );
}

/**
 * The list behind a figure or a bar of the dashboard (issue 19, item 3), at /dashboard/people,
 * /dashboard/batches, /dashboard/contacts or /dashboard/claims with the address drillHref writes:
 * what it lists in words (the period, the filter, the part clicked), how many, and the people,
 * batches, overdue follow-ups or claims, each opening its own page. The
 * rows come from the dashboard's worker by the figures' own rules, so the count is the number
 * clicked. A bad address is said in words.
 */
import { useMemo, useState } from 'react';
import { Alert, Anchor, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { DashboardFilter } from '@shared/dashboard';
import { parseDrill, type Drill, type DrillProblem, type FunnelStep } from '@shared/dashboard/drill';
import { COMING_WEEKS, type BatchRow, type DashboardFilterOptions } from '@shared/dashboard/drill-rows';
import { addCalendarDays, formatCalendarDate, todayCalendarDate } from '@shared/dates';
import type { Language } from '@shared/domain/records';
import { formatYuan } from '@shared/subsidy/money';
import { useLanguage } from '@renderer/i18n/use-language';
import { homeAddress } from './dashboard-address';
import type { DashboardList, NamedClaimRow, NamedContactRow, NamedPersonRow } from './dashboard.worker';
import { useDashboardList } from './use-dashboard';

/** Rows shown at first, and five times as many more at each "show more" (as the follow-up desk). */
const PAGE_ROWS = 100;

const STEP_DAYS: Readonly<Partial<Record<FunnelStep, number>>> = { inPost30: 30, inPost90: 90, inPost180: 180 };

function problemText(t: TFunction, problem: DrillProblem): string {
  switch (problem.problem) {
    case 'missingDate':
      return t(`dashboardLists.problem.missingDate.${problem.field}`);
    case 'badDate':
      return t(`dashboardLists.problem.badDate.${problem.field}`, { value: problem.value });
    case 'reversed':
      return t('dashboardLists.problem.reversed', { from: problem.from, to: problem.to });
    case 'weekWithoutComing':
      return t('dashboardLists.problem.weekWithoutComing');
    default:
      return t(`dashboardLists.problem.${problem.problem}`, { value: problem.value });
  }
}

function monthName(month: string, language: Language): string {
  const [year, number] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    Date.UTC(year ?? 2000, (number ?? 1) - 1, 1),
  );
}

/** What the list holds, in words: the period, the filter, the part of the figure clicked. */
function describe(
  t: TFunction,
  language: Language,
  filter: DashboardFilter,
  drill: Drill,
  options: DashboardFilterOptions | undefined,
): string[] {
  const date = (day: string) => formatCalendarDate(day, language);
  const nameOf = (choices: { value: string; label: string }[] | undefined, value: string) =>
    choices?.find((choice) => choice.value === value)?.label ?? value;
  const narrowed: string[] = [];
  if (filter.countyCode)
    narrowed.push(t('dashboardLists.county', { name: nameOf(options?.counties, filter.countyCode) }));
  if (filter.township) narrowed.push(t('dashboardLists.township', { name: filter.township }));
  if (filter.enterpriseId) {
    narrowed.push(t('dashboardLists.enterprise', { name: nameOf(options?.enterprises, filter.enterpriseId) }));
  }
  if (filter.schemeId) narrowed.push(t('dashboardLists.scheme', { name: nameOf(options?.schemes, filter.schemeId) }));
  const part: string[] = [];
  if (drill.list === 'people') {
    part.push(t('dashboardLists.people.sent'));
    if (drill.month) part.push(t('dashboardLists.people.month', { month: monthName(drill.month, language) }));
    if (drill.province !== undefined || drill.city !== undefined) {
      const place = [drill.province, drill.city].filter(Boolean).join(' ');
      part.push(place ? t('dashboardLists.people.destination', { place }) : t('dashboardLists.people.unknownPlace'));
    }
    if (drill.step === 'handedOver') part.push(t('dashboardLists.people.handedOver'));
    const days = drill.step ? STEP_DAYS[drill.step] : undefined;
    if (days) part.push(t('dashboardLists.people.inPost', { days }));
    if (drill.poor) part.push(t('dashboardLists.people.poor'));
  } else if (drill.list === 'contacts') {
    part.push(t('dashboardLists.contacts.overdue'));
  } else if (drill.list === 'claims') {
    part.push(t('dashboardLists.claims.placed'));
    if (drill.bucket) part.push(t(`dashboardLists.claims.bucket.${drill.bucket}`));
  } else {
    if (drill.kind === 'coming') {
      part.push(
        drill.week
          ? t('dashboardLists.batches.coming', { from: date(drill.week), to: date(addCalendarDays(drill.week, 6)) })
          : t('dashboardLists.batches.comingWeeks', { weeks: COMING_WEEKS }),
      );
    } else part.push(t(`dashboardLists.batches.${drill.kind}`));
    if (drill.status) {
      part.push(t('dashboardLists.batches.status', { status: t(`batches.status.${drill.status}`) }));
    }
  }
  const separator = t('common.listSeparator');
  // The coming weeks, the health checks and the overdue contacts are as of today, whatever the period.
  const period =
    drill.list === 'contacts' || (drill.list === 'batches' && (drill.kind === 'coming' || drill.kind === 'health'))
      ? null
      : t('dashboardLists.period', { from: date(filter.from), to: date(filter.to) });
  return [[period, ...narrowed].filter(Boolean).join(separator), part.join(separator)].filter(Boolean);
}

function ShowMore({ shown, total, onMore }: { shown: number; total: number; onMore: () => void }) {
  const { t } = useTranslation();
  if (total <= shown) return null;
  return (
    <Group>
      <Text size="sm" c="dimmed">
        {t('dashboardLists.shown', { shown, total })}
      </Text>
      <Button variant="default" size="xs" onClick={onMore} data-testid="list-show-more">
        {t('dashboardLists.showMore', { count: Math.min(PAGE_ROWS * 5, total - shown) })}
      </Button>
    </Group>
  );
}

function PeopleTable({ rows, language }: { rows: NamedPersonRow[]; language: Language }) {
  const { t } = useTranslation();
  return (
    <Table striped highlightOnHover data-testid="list-table">
      <Table.Thead>
        <Table.Tr>
          {(['name', 'county', 'township', 'enterprise', 'batch', 'date', 'handedOver', 'inPost'] as const).map((c) => (
            <Table.Th key={c}>{t(`dashboardLists.columns.${c}`)}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.workerId} data-testid="list-row">
            <Table.Td>
              <Anchor component={Link} to={`/workers/${row.workerId}`} size="sm">
                {row.name || row.workerId}
              </Anchor>
            </Table.Td>
            <Table.Td>{row.county}</Table.Td>
            <Table.Td>{row.township}</Table.Td>
            <Table.Td>
              {row.enterpriseId === null ? '' : row.enterpriseName || t('dashboardLists.unknownEnterprise')}
            </Table.Td>
            <Table.Td>
              <Anchor component={Link} to={`/batches/${row.batchId}`} size="sm">
                {row.batchName}
              </Anchor>
              {row.trips > 1 && (
                <Text span size="xs" c="dimmed">
                  {t('dashboardLists.trips', { count: row.trips })}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{formatCalendarDate(row.date, language)}</Table.Td>
            <Table.Td>{t(`dashboardLists.handedOver.${row.handedOver ? 'yes' : 'no'}`)}</Table.Td>
            <Table.Td>
              {row.inPostDays === null
                ? t('dashboardLists.notInPost')
                : t('dashboardLists.inPostDays', { days: row.inPostDays })}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function BatchesTable({ rows, language }: { rows: BatchRow[]; language: Language }) {
  const { t } = useTranslation();
  const number = new Intl.NumberFormat(language);
  return (
    <Table striped highlightOnHover data-testid="list-table">
      <Table.Thead>
        <Table.Tr>
          {(['batch', 'date', 'status', 'passengers', 'seated', 'capacity'] as const).map((c) => (
            <Table.Th key={c}>{t(`dashboardLists.columns.${c}`)}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.id} data-testid="list-row">
            <Table.Td>
              <Anchor component={Link} to={`/batches/${row.id}`} size="sm">
                {row.name}
              </Anchor>
            </Table.Td>
            <Table.Td>{formatCalendarDate(row.date, language)}</Table.Td>
            <Table.Td>{t(`batches.status.${row.status}`)}</Table.Td>
            <Table.Td>{number.format(row.passengers)}</Table.Td>
            <Table.Td>{number.format(row.seated)}</Table.Td>
            <Table.Td>{number.format(row.capacity)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function ContactsTable({ rows, language }: { rows: NamedContactRow[]; language: Language }) {
  const { t } = useTranslation();
  return (
    <Table striped highlightOnHover data-testid="list-table">
      <Table.Thead>
        <Table.Tr>
          {(['name', 'county', 'township', 'receiving', 'nextDue', 'overdueDays'] as const).map((c) => (
            <Table.Th key={c}>{t(`dashboardLists.columns.${c}`)}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.followUpId} data-testid="list-row">
            <Table.Td>
              {/* The follow-up desk opens on the worker, ready to log the contact. */}
              <Anchor component={Link} to={`/followup?worker=${encodeURIComponent(row.workerId)}`} size="sm">
                {row.name || row.workerId}
              </Anchor>
            </Table.Td>
            <Table.Td>{row.county}</Table.Td>
            <Table.Td>{row.township}</Table.Td>
            <Table.Td>{row.enterpriseName || t('dashboardLists.unknownEnterprise')}</Table.Td>
            <Table.Td>{formatCalendarDate(row.nextDue, language)}</Table.Td>
            <Table.Td>{t('dashboardLists.overdueDays', { days: row.daysOverdue })}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function ClaimsTable({ rows, language }: { rows: NamedClaimRow[]; language: Language }) {
  const { t } = useTranslation();
  return (
    <Table striped highlightOnHover data-testid="list-table">
      <Table.Thead>
        <Table.Tr>
          {(['name', 'scheme', 'claimStatus', 'amount', 'day'] as const).map((c) => (
            <Table.Th key={c}>{t(`dashboardLists.columns.${c}`)}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.claimId} data-testid="list-row">
            <Table.Td>
              <Anchor component={Link} to={`/workers/${row.workerId}`} size="sm">
                {row.name || row.workerId}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <Anchor
                component={Link}
                to={`/subsidies?${new URLSearchParams({ scheme: row.schemeId, view: 'claims' }).toString()}`}
                size="sm"
              >
                {row.schemeName}
              </Anchor>
            </Table.Td>
            <Table.Td>{t(`subsidy.claimStatus.${row.status}`)}</Table.Td>
            <Table.Td style={{ textAlign: 'right' }}>{formatYuan(row.amountFen)}</Table.Td>
            <Table.Td>{formatCalendarDate(row.day, language)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The rows of the list as their table shows them, the first `count`. */
function ListTable({ list, count, language }: { list: DashboardList; count: number; language: Language }) {
  switch (list.list) {
    case 'people':
      return <PeopleTable rows={list.rows.slice(0, count)} language={language} />;
    case 'batches':
      return <BatchesTable rows={list.rows.slice(0, count)} language={language} />;
    case 'contacts':
      return <ContactsTable rows={list.rows.slice(0, count)} language={language} />;
    case 'claims':
      return <ClaimsTable rows={list.rows.slice(0, count)} language={language} />;
  }
}

export function DashboardListPage({
  useList = useDashboardList,
}: {
  /** Where the rows come from: the dashboard's worker; a test gives its own. */
  useList?: typeof useDashboardList;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { list: path = '' } = useParams();
  const [params] = useSearchParams();
  const query = params.toString();
  const parsed = useMemo(() => parseDrill(path, new URLSearchParams(query)), [path, query]);
  const named = 'problem' in parsed ? null : parsed;
  const { list, error, options } = useList(named?.filter ?? null, named?.drill ?? null);
  const [shown, setShown] = useState({ query: '', count: PAGE_ROWS });
  // A new address starts again from the first rows.
  const count = shown.query === `${path}?${query}` ? shown.count : PAGE_ROWS;
  const more = () => setShown({ query: `${path}?${query}`, count: count + PAGE_ROWS * 5 });

  const back = (
    <Anchor component={Link} to={named ? homeAddress(named.filter, todayCalendarDate()) : '/'} data-testid="list-back">
      <Group gap={4}>
        <IconArrowLeft size={16} />
        {t('dashboardLists.back')}
      </Group>
    </Anchor>
  );
  if (!named) {
    return (
      <Stack maw={1100}>
        {back}
        <Alert color="red" title={t('dashboardLists.problem.title')} data-testid="list-problem">
          {problemText(t, parsed as DrillProblem)}
        </Alert>
      </Stack>
    );
  }
  const { filter, drill } = named;
  const lines = describe(t, language, filter, drill, options);
  const answered = list && list.list === drill.list ? list : null;
  return (
    <Stack maw={1100} gap="sm">
      {back}
      <Title order={2}>{t(`dashboardLists.title.${drill.list}`)}</Title>
      <Stack gap={0} data-testid="list-description">
        {lines.map((line) => (
          <Text key={line} size="sm">
            {line}
          </Text>
        ))}
      </Stack>
      {error ? (
        <Alert color="red">{t('dashboardLists.failed', { message: error.message })}</Alert>
      ) : !answered ? (
        <Group gap="xs">
          <Loader size="sm" />
          <Text size="sm">{t('dashboardLists.loading')}</Text>
        </Group>
      ) : (
        <>
          <Text fw={700} data-testid="list-count">
            {t(`dashboardLists.count.${drill.list}`, {
              count: answered.rows.length,
              n: new Intl.NumberFormat(language).format(answered.rows.length),
            })}
          </Text>
          {answered.list === 'claims' && (
            <Text size="sm" data-testid="list-total">
              {t('dashboardLists.claims.total', {
                amount: formatYuan(answered.rows.reduce((sum, row) => sum + row.amountFen, 0)),
              })}
            </Text>
          )}
          {answered.rows.length === 0 ? (
            <Text c="dimmed" data-testid="list-empty">
              {t('dashboardLists.empty')}
            </Text>
          ) : (
            <ListTable list={answered} count={count} language={language} />
          )}
          <ShowMore shown={Math.min(count, answered.rows.length)} total={answered.rows.length} onMore={more} />
        </>
      )}
    </Stack>
  );
}

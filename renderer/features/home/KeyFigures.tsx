/**
 * The home page's key figures (issue 19): people sent in the period against the year before with
 * the registered-poor share, batches, handovers, people in post, overdue contacts and subsidies, for
 * this year, the last 12 months or a period the user picks. docs/domain.md#dashboard-figures.
 */
import { useMemo, type ReactNode } from 'react';
import { Alert, Anchor, Card, Group, Loader, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate, todayCalendarDate } from '@shared/dates';
import { IN_POST_DAYS, type DashboardFilter, type KeyFigures } from '@shared/dashboard';
import { drillHref, type Drill } from '@shared/dashboard/drill';
import type { Language } from '@shared/domain/records';
import { formatYuan } from '@shared/subsidy/money';
import { DateField } from '@renderer/components/DateField';
import { useLanguage } from '@renderer/i18n/use-language';
import { DashboardCharts } from './charts/DashboardCharts';
import { DashboardExport } from './DashboardExport';
import { periodFilter, type PeriodKind } from './dashboard-period';
import { useDashboardChoice } from './dashboard-address';
import { DashboardFilters } from './DashboardFilters';
import { useDashboard } from './use-dashboard';

/** A key figure's card; `more` leads to the page where the work behind it is done. */
function Figure({
  label,
  testId,
  more,
  children,
}: {
  label: string;
  testId: string;
  more?: { label: string; to: string; testId: string };
  children: ReactNode;
}) {
  return (
    <Card withBorder data-testid={testId}>
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          {label}
        </Text>
        {children}
        {more && (
          <Anchor component={Link} to={more.to} size="xs" data-testid={more.testId}>
            {more.label}
          </Anchor>
        )}
      </Stack>
    </Card>
  );
}

/** A number that opens the list behind it (issue 19, item 3); plain text without a filter to link from. */
function ListLink({ to, testId, children }: { to: string | null; testId?: string; children: ReactNode }) {
  return to === null ? (
    <span data-testid={testId}>{children}</span>
  ) : (
    <Anchor component={Link} to={to} inherit data-testid={testId}>
      {children}
    </Anchor>
  );
}

/**
 * The figures of one period, as cards; numbers written for `language`. With the filter they count
 * for, each number links to the list behind it.
 */
export function KeyFiguresGrid({
  figures,
  language,
  filter,
}: {
  figures: KeyFigures;
  language: Language;
  filter?: DashboardFilter;
}) {
  const { t } = useTranslation();
  const number = useMemo(() => new Intl.NumberFormat(language), [language]);
  const n = (value: number) => number.format(value);
  const { current, yearBefore } = figures;
  const before = { ...filter, from: yearBefore.from, to: yearBefore.to };
  const list = (drill: Drill, period: 'current' | 'yearBefore' = 'current') =>
    filter ? drillHref(period === 'current' ? filter : before, drill) : null;
  const yuan = (fen: number) => t('dashboard.yuan', { amount: formatYuan(fen) });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
      <Figure label={t('dashboard.peopleSent')} testId="figure-people-sent">
        <Text fz={28} fw={700}>
          <ListLink to={list({ list: 'people' })} testId="people-sent-count">
            {n(current.peopleSent)}
          </ListLink>
        </Text>
        <Text size="sm" data-testid="figure-registered-poor">
          {current.registeredPoor.percent === null ? (
            t('dashboard.registeredPoorNone')
          ) : (
            <ListLink to={list({ list: 'people', poor: true })} testId="registered-poor-link">
              {t('dashboard.registeredPoor', {
                count: n(current.registeredPoor.count),
                of: n(current.registeredPoor.of),
                percent: current.registeredPoor.percent,
              })}
            </ListLink>
          )}
        </Text>
        <Text size="sm" c="dimmed">
          <ListLink to={list({ list: 'people' }, 'yearBefore')}>
            {t('dashboard.yearBefore', { count: n(yearBefore.peopleSent) })}
          </ListLink>
        </Text>
      </Figure>
      <Figure label={t('dashboard.batches')} testId="figure-batches">
        <Group gap="md">
          <Text fz={22} fw={700}>
            <ListLink to={list({ list: 'batches', kind: 'departed' })} testId="batches-departed-link">
              {t('dashboardLists.figures.departed', { count: n(current.batchesDeparted) })}
            </ListLink>
          </Text>
          <Text fz={22} fw={700}>
            <ListLink to={list({ list: 'batches', kind: 'planned' })} testId="batches-planned-link">
              {t('dashboardLists.figures.planned', { count: n(current.batchesPlanned) })}
            </ListLink>
          </Text>
        </Group>
        <Text size="sm" c="dimmed">
          <ListLink to={list({ list: 'batches', kind: 'departed' }, 'yearBefore')}>
            {t('dashboard.yearBefore', { count: n(yearBefore.batchesDeparted) })}
          </ListLink>
        </Text>
      </Figure>
      <Figure label={t('dashboard.handedOver')} testId="figure-handed-over">
        <Text fz={28} fw={700}>
          <ListLink to={list({ list: 'people', step: 'handedOver' })} testId="handed-over-link">
            {n(current.handedOver)}
          </ListLink>
        </Text>
        <Text size="sm" c="dimmed">
          <ListLink to={list({ list: 'people', step: 'handedOver' }, 'yearBefore')}>
            {t('dashboard.yearBefore', { count: n(yearBefore.handedOver) })}
          </ListLink>
        </Text>
      </Figure>
      <Figure label={t('dashboard.inPost')} testId="figure-in-post">
        <Group gap="lg">
          {IN_POST_DAYS.map((days) => (
            <Stack key={days} gap={0}>
              <Text size="xs" c="dimmed">
                {t('dashboard.inPostDays', { days })}
              </Text>
              <Text fz={22} fw={700}>
                <ListLink to={list({ list: 'people', step: `inPost${days}` })} testId={`in-post-${days}-link`}>
                  {n(current.inPost[days])}
                </ListLink>
              </Text>
            </Stack>
          ))}
        </Group>
      </Figure>
      <Figure
        label={t('dashboard.overdue')}
        testId="figure-overdue"
        more={{ label: t('dashboard.overdueHint'), to: '/followup', testId: 'overdue-desk-link' }}
      >
        <Text fz={28} fw={700} c={figures.overdueContacts > 0 ? 'red' : undefined}>
          <ListLink to={list({ list: 'contacts' })} testId="overdue-link">
            {n(figures.overdueContacts)}
          </ListLink>
        </Text>
      </Figure>
      <Figure
        label={t('dashboard.subsidies')}
        testId="figure-subsidies"
        more={{ label: t('dashboard.subsidiesHint'), to: '/subsidies/report', testId: 'subsidy-report-link' }}
      >
        {(
          [
            ['owed', current.subsidies.owedFen],
            ['onNotice', current.subsidies.onNoticeFen],
            ['paid', current.subsidies.paidFen],
          ] as const
        ).map(([key, fen]) => (
          <Group key={key} justify="space-between" gap="xs">
            <Text size="sm" c="dimmed">
              {t(`dashboard.${key}`)}
            </Text>
            <Text size="sm" fw={600}>
              <ListLink to={list({ list: 'claims', bucket: key })} testId={`subsidies-${key}`}>
                {yuan(fen)}
              </ListLink>
            </Text>
          </Group>
        ))}
      </Figure>
    </SimpleGrid>
  );
}

const KINDS: readonly PeriodKind[] = ['year', 'twelveMonths', 'custom'];

/** The period's choice and the figures for it, counted in the dashboard's Web Worker. */
export function KeyFiguresPanel({
  useFigures = useDashboard,
}: {
  /** Where the figures come from: the dashboard's worker; a test gives its own. */
  useFigures?: typeof useDashboard;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { choice, setChoice, places, setPlaces } = useDashboardChoice();
  const today = todayCalendarDate();
  const answer = periodFilter(choice, today);
  const filter: DashboardFilter | null = 'filter' in answer ? { ...answer.filter, ...places } : null;
  const { result, filter: shown, error, options } = useFigures(filter);
  const nameOf = (list: readonly { value: string; label: string }[] | undefined, value: string | null | undefined) =>
    list?.find((option) => option.value === value)?.label;
  const names = shown && {
    county: nameOf(options?.counties, shown.countyCode),
    enterprise: nameOf(options?.enterprises, shown.enterpriseId),
    scheme: nameOf(options?.schemes, shown.schemeId),
  };
  return (
    <Stack gap="sm" data-testid="key-figures">
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Title order={3}>{t('dashboard.title')}</Title>
          {shown && (
            <Text size="sm" c="dimmed" data-testid="key-figures-period">
              {t('dashboard.period.shown', {
                from: formatCalendarDate(shown.from, language),
                to: formatCalendarDate(shown.to, language),
              })}
            </Text>
          )}
        </Stack>
        <DashboardExport dashboard={result} filter={shown} names={names} />
        <SegmentedControl
          aria-label={t('dashboard.period.label')}
          value={choice.kind}
          onChange={(kind) => setChoice((before) => ({ ...before, kind }))}
          data={KINDS.map((kind) => ({ value: kind, label: t(`dashboard.period.${kind}`) }))}
        />
      </Group>
      <DashboardFilters options={options} value={places} onChange={setPlaces} />
      {choice.kind === 'custom' && (
        <Group align="flex-start">
          <DateField
            label={t('dashboard.period.from')}
            value={choice.from}
            onChange={(from) => setChoice((before) => ({ ...before, from }))}
          />
          <DateField
            label={t('dashboard.period.to')}
            value={choice.to}
            onChange={(to) => setChoice((before) => ({ ...before, to }))}
            error={'problem' in answer && answer.problem === 'reversed' ? t('dashboard.period.reversed') : undefined}
          />
        </Group>
      )}
      {'problem' in answer && answer.problem === 'incomplete' && (
        <Text size="sm" c="dimmed">
          {t('dashboard.period.incomplete')}
        </Text>
      )}
      {error ? (
        <Alert color="red">{t('dashboard.failed', { message: error.message })}</Alert>
      ) : result ? (
        <>
          <KeyFiguresGrid figures={result.figures} language={language} filter={shown} />
          {shown && <DashboardCharts dashboard={result} filter={shown} language={language} />}
        </>
      ) : (
        <Group gap="xs">
          <Loader size="sm" />
          <Text size="sm">{t('dashboard.loading')}</Text>
        </Group>
      )}
    </Stack>
  );
}

/**
 * The home page's key figures (issue 19): people sent in the period against the year before with
 * the registered-poor share, batches, handovers, people in post, overdue contacts and subsidies, for
 * this year, the last 12 months or a period the user picks. docs/domain.md#dashboard-figures.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { Alert, Card, Group, Loader, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate, todayCalendarDate } from '@shared/dates';
import { IN_POST_DAYS, type DashboardFilter, type KeyFigures } from '@shared/dashboard';
import type { Language } from '@shared/domain/records';
import { formatYuan } from '@shared/subsidy/money';
import { DateField } from '@renderer/components/DateField';
import { useLanguage } from '@renderer/i18n/use-language';
import { DashboardCharts } from './charts/DashboardCharts';
import { DashboardExport } from './DashboardExport';
import { periodFilter, type PeriodChoice, type PeriodKind } from './dashboard-period';
import { useDashboard } from './use-dashboard';

function Figure({
  label,
  testId,
  to,
  hint,
  children,
}: {
  label: string;
  testId: string;
  to?: string;
  hint?: string;
  children: ReactNode;
}) {
  const body = (
    <Stack gap={4}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      {children}
      {hint && (
        <Text size="xs" c="blue">
          {hint}
        </Text>
      )}
    </Stack>
  );
  return to ? (
    <Card withBorder component={Link} to={to} data-testid={testId} style={{ textDecoration: 'none' }}>
      {body}
    </Card>
  ) : (
    <Card withBorder data-testid={testId}>
      {body}
    </Card>
  );
}

/** The figures of one period, as cards; numbers written for `language`. */
export function KeyFiguresGrid({ figures, language }: { figures: KeyFigures; language: Language }) {
  const { t } = useTranslation();
  const number = useMemo(() => new Intl.NumberFormat(language), [language]);
  const n = (value: number) => number.format(value);
  const { current, yearBefore } = figures;
  const yuan = (fen: number) => t('dashboard.yuan', { amount: formatYuan(fen) });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
      <Figure label={t('dashboard.peopleSent')} testId="figure-people-sent">
        <Text fz={28} fw={700} data-testid="people-sent-count">
          {n(current.peopleSent)}
        </Text>
        <Text size="sm" data-testid="figure-registered-poor">
          {current.registeredPoor.percent === null
            ? t('dashboard.registeredPoorNone')
            : t('dashboard.registeredPoor', {
                count: n(current.registeredPoor.count),
                of: n(current.registeredPoor.of),
                percent: current.registeredPoor.percent,
              })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('dashboard.yearBefore', { count: n(yearBefore.peopleSent) })}
        </Text>
      </Figure>
      <Figure label={t('dashboard.batches')} testId="figure-batches">
        <Text fz={22} fw={700}>
          {t('dashboard.batchesValue', { departed: n(current.batchesDeparted), planned: n(current.batchesPlanned) })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('dashboard.yearBefore', { count: n(yearBefore.batchesDeparted) })}
        </Text>
      </Figure>
      <Figure label={t('dashboard.handedOver')} testId="figure-handed-over">
        <Text fz={28} fw={700}>
          {n(current.handedOver)}
        </Text>
        <Text size="sm" c="dimmed">
          {t('dashboard.yearBefore', { count: n(yearBefore.handedOver) })}
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
                {n(current.inPost[days])}
              </Text>
            </Stack>
          ))}
        </Group>
      </Figure>
      <Figure label={t('dashboard.overdue')} testId="figure-overdue" to="/followup" hint={t('dashboard.overdueHint')}>
        <Text fz={28} fw={700} c={figures.overdueContacts > 0 ? 'red' : undefined}>
          {n(figures.overdueContacts)}
        </Text>
      </Figure>
      <Figure
        label={t('dashboard.subsidies')}
        testId="figure-subsidies"
        to="/subsidies/report"
        hint={t('dashboard.subsidiesHint')}
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
            <Text size="sm" fw={600} data-testid={`subsidies-${key}`}>
              {yuan(fen)}
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
  const [choice, setChoice] = useState<PeriodChoice>({ kind: 'year', from: '', to: '' });
  const today = todayCalendarDate();
  const answer = periodFilter(choice, today);
  const filter: DashboardFilter | null = 'filter' in answer ? answer.filter : null;
  const { result, filter: shown, error } = useFigures(filter);
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
        <DashboardExport dashboard={result} filter={shown} />
        <SegmentedControl
          aria-label={t('dashboard.period.label')}
          value={choice.kind}
          onChange={(kind) => setChoice((before) => ({ ...before, kind }))}
          data={KINDS.map((kind) => ({ value: kind, label: t(`dashboard.period.${kind}`) }))}
        />
      </Group>
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
          <KeyFiguresGrid figures={result.figures} language={language} />
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

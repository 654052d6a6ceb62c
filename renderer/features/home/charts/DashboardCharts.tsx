/**
 * The dashboard's charts on the home page (issue 19, items 2 to 5), from the figures the dashboard's
 * Web Worker counted (shared/dashboard/series.ts): people sent per month, by county and township,
 * by destination province and city, the top enterprises, the retention funnel, the batches of the
 * coming weeks by status with their seats, the health checks of the batches leaving in the next 3
 * days, and subsidies by scheme and status. A click on a bar, or on a row of the chart's table,
 * opens the list behind it (drillHref in shared/dashboard/drill.ts; a batch's page; a scheme's
 * claims). Numbers, dates and texts are written in the user's language. docs/architecture.md#dashboard.
 */
import { useMemo, useState } from 'react';
import { BarChart, type BarChartSeries } from '@mantine/charts';
import { Select, SimpleGrid, Text, useMantineTheme, type MantineTheme } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { TFunction } from 'i18next';
import {
  IN_POST_DAYS,
  share,
  type Bar,
  type BarGroup,
  type Dashboard,
  type DashboardFilter,
  type HealthSoon,
} from '@shared/dashboard';
import { drillHref, type ClaimBucket, type FunnelStep } from '@shared/dashboard/drill';
import { formatCalendarDate, todayCalendarDate } from '@shared/dates';
import { BATCH_STATUSES, type BatchStatus, type CalendarDate, type Language } from '@shared/domain/records';
import { formatYuan, type Fen } from '@shared/subsidy/money';
import { ChartCard, type ChartTable, type TableRow } from './ChartCard';

/** What every chart needs: the texts, the numbers and dates written for the language, the filter. */
interface Context {
  t: TFunction;
  language: Language;
  filter: DashboardFilter;
  theme: MantineTheme;
  /** 1,234 */
  n: (value: number) => string;
  /** 1,234人 / 1,234 people */
  people: (count: number) => string;
  yuan: (fen: Fen) => string;
  /** 12月7日 / Dec 7: for the axes, where the year is known from the title. */
  shortDate: (date: CalendarDate) => string;
  go: (to: string) => void;
  /** The period, as the card and the PNG write it. */
  period: { subtitle: string; filePeriod: string };
  /** As of today, for the charts that look ahead whatever the period. */
  today: { subtitle: string; filePeriod: string };
}

/** Most bars a chart with names draws; the table has them all. */
const MOST_BARS = 15;
/** Height of a bar's row in the charts with names on the left, in px. */
const ROW_HEIGHT = 30;

function color(theme: MantineTheme, name: string, shade: number): string {
  return theme.colors[name]?.[shade] ?? name;
}

/** Room for a name on the axis, in half-width characters: 11 Chinese characters or 22 Latin letters. */
const AXIS_ROOM = 22;
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** A name that fits the axis, Chinese characters counted twice: the table and the tooltip have it whole. */
function fitted(language: Language) {
  const segmenter = new Intl.Segmenter(language, { granularity: 'grapheme' });
  return (value: unknown): string => {
    let room = AXIS_ROOM;
    let kept = '';
    const characters = Array.from(segmenter.segment(String(value)), ({ segment }) => segment);
    for (const [index, character] of characters.entries()) {
      const width = WIDE.test(character) ? 2 : 1;
      const last = index === characters.length - 1;
      // Keep room for the ellipsis unless this is the name's last character.
      if (width > room - (last ? 0 : 1)) return `${kept}…`;
      kept += character;
      room -= width;
    }
    return kept;
  };
}

const clickable = { cursor: 'pointer' } as const;

/** Bars of people with names on the left, each labelled with its count; a click opens `to(index)`. */
function NamedBars({
  rows,
  context,
  to,
  barColor,
}: {
  rows: { label: string; people: number; valueLabel?: string }[];
  context: Context;
  to: (index: number) => string | null;
  barColor: string;
}) {
  const data = rows.map((row) => ({ ...row, valueLabel: row.valueLabel ?? context.n(row.people) }));
  return (
    <BarChart
      h={data.length * ROW_HEIGHT + 40}
      data={data}
      dataKey="label"
      orientation="vertical"
      gridAxis="y"
      series={[{ name: 'people', label: context.t('dashboardCharts.peopleColumn'), color: barColor }]}
      valueFormatter={context.n}
      withBarValueLabel
      valueLabelProps={{ dataKey: 'valueLabel', formatter: (value: unknown) => String(value) }}
      yAxisProps={{ width: 150, tickFormatter: fitted(context.language), interval: 0 }}
      xAxisProps={{ allowDecimals: false }}
      barChartProps={{ margin: { right: 90, left: 4 } }}
      barProps={{
        onClick: (_entry, index) => {
          const target = to(index);
          if (target) context.go(target);
        },
        style: clickable,
      }}
      maxBarWidth={22}
    />
  );
}

function peopleRow(
  key: string,
  label: string,
  people: number,
  context: Context,
  to: string | null,
  level: 0 | 1 = 0,
): TableRow {
  return {
    key,
    level,
    cells: [
      { text: label, to },
      { text: context.people(people), to },
    ],
  };
}

function MonthChart({ bars, context }: { bars: Bar[]; context: Context }) {
  const { t, language } = context;
  const years = new Set(bars.map((bar) => bar.key.slice(0, 4)));
  const monthName = (key: string, month: 'long' | 'short', year?: 'numeric' | '2-digit') =>
    new Intl.DateTimeFormat(language, { year, month, timeZone: 'UTC' }).format(new Date(`${key}-01T00:00:00Z`));
  const axisName = (key: string) => monthName(key, 'short', years.size > 1 ? '2-digit' : undefined);
  const to = (bar: Bar) => drillHref(context.filter, { list: 'people', month: bar.key });
  const data = bars.map((bar) => ({ label: axisName(bar.key), people: bar.people }));
  const table: ChartTable = {
    columns: [t('dashboardCharts.month.column'), t('dashboardCharts.peopleColumn')],
    rows: bars.map((bar) => peopleRow(bar.key, monthName(bar.key, 'long', 'numeric'), bar.people, context, to(bar))),
  };
  return (
    <ChartCard
      name="month"
      title={t('dashboardCharts.month.title')}
      {...context.period}
      empty={bars.every((bar) => bar.people === 0) ? t('dashboardCharts.month.empty') : null}
      table={table}
      chart={
        <BarChart
          h={260}
          data={data}
          dataKey="label"
          series={[
            { name: 'people', label: t('dashboardCharts.peopleColumn'), color: color(context.theme, 'teal', 6) },
          ]}
          valueFormatter={context.n}
          withBarValueLabel={bars.length <= 18}
          valueLabelProps={{ formatter: (value: unknown) => (value === 0 ? '' : context.n(Number(value))) }}
          yAxisProps={{ allowDecimals: false, width: 48 }}
          barChartProps={{ margin: { top: 18, right: 8 } }}
          barProps={{
            onClick: (_entry, index) => {
              const bar = bars[index];
              if (bar) context.go(to(bar));
            },
            style: clickable,
          }}
          maxBarWidth={40}
        />
      }
    />
  );
}

/**
 * A chart of groups and their parts (counties and townships, provinces and cities): the groups, or
 * the parts of the group chosen above the chart (at once when there is only one group).
 */
function GroupChart({
  name,
  groups,
  context,
  groupHref,
  partHref,
  barColor,
}: {
  name: 'county' | 'destination';
  groups: BarGroup[];
  context: Context;
  groupHref: (group: BarGroup) => string | null;
  partHref: (group: BarGroup, part: Bar) => string | null;
  barColor: string;
}) {
  const { t } = context;
  const [chosen, setChosen] = useState<string>('*');
  const unknown = t('dashboardCharts.unknown');
  const labelOf = (bar: Bar) => (bar.label.trim() === '' ? unknown : bar.label);
  const group = groups.length === 1 ? groups[0] : groups.find((candidate) => `g:${candidate.key}` === chosen);
  const bars: { label: string; people: number; to: string | null }[] = group
    ? group.parts.map((part) => ({ label: labelOf(part), people: part.people, to: partHref(group, part) }))
    : groups.map((candidate) => ({ label: labelOf(candidate), people: candidate.people, to: groupHref(candidate) }));
  const shown = bars.slice(0, MOST_BARS);
  const table: ChartTable = {
    columns: [t(`dashboardCharts.${name}.column`), t('dashboardCharts.peopleColumn')],
    rows: groups.flatMap((candidate) => [
      peopleRow(`g:${candidate.key}`, labelOf(candidate), candidate.people, context, groupHref(candidate)),
      ...candidate.parts.map((part) =>
        peopleRow(`p:${candidate.key}:${part.key}`, labelOf(part), part.people, context, partHref(candidate, part), 1),
      ),
    ]),
  };
  return (
    <ChartCard
      name={name}
      title={t(`dashboardCharts.${name}.title`)}
      {...context.period}
      subtitle={
        group
          ? t('dashboardCharts.png.of', { period: context.period.subtitle, name: labelOf(group) })
          : context.period.subtitle
      }
      empty={groups.length === 0 ? t(`dashboardCharts.${name}.empty`) : null}
      controls={
        groups.length === 1 && group ? (
          <Text size="sm" c="dimmed" data-testid={`chart-${name}-group`}>
            {t('dashboardCharts.groupTotal', { name: labelOf(group), people: context.people(group.people) })}
          </Text>
        ) : (
          <Select
            size="xs"
            w={220}
            label={t(`dashboardCharts.${name}.choose`)}
            value={chosen}
            onChange={(value) => setChosen(value ?? '*')}
            allowDeselect={false}
            data={[
              { value: '*', label: t(`dashboardCharts.${name}.all`) },
              ...groups.map((candidate) => ({ value: `g:${candidate.key}`, label: labelOf(candidate) })),
            ]}
            data-testid={`chart-${name}-choice`}
          />
        )
      }
      note={
        bars.length > shown.length
          ? t('dashboardCharts.more', { shown: shown.length, rest: bars.length - shown.length })
          : null
      }
      table={table}
      chart={<NamedBars rows={shown} context={context} to={(index) => shown[index]?.to ?? null} barColor={barColor} />}
    />
  );
}

function EnterprisesChart({ bars, context }: { bars: Bar[]; context: Context }) {
  const { t } = context;
  const to = (bar: Bar) => drillHref({ ...context.filter, enterpriseId: bar.key }, { list: 'people' });
  const table: ChartTable = {
    columns: [t('dashboardCharts.enterprises.column'), t('dashboardCharts.peopleColumn')],
    rows: bars.map((bar) => peopleRow(bar.key, bar.label, bar.people, context, to(bar))),
  };
  return (
    <ChartCard
      name="enterprises"
      title={t('dashboardCharts.enterprises.title')}
      {...context.period}
      empty={bars.length === 0 ? t('dashboardCharts.enterprises.empty') : null}
      table={table}
      chart={
        <NamedBars
          rows={bars}
          context={context}
          to={(index) => {
            const bar = bars[index];
            return bar ? to(bar) : null;
          }}
          barColor={color(context.theme, 'indigo', 6)}
        />
      }
    />
  );
}

const FUNNEL_STEPS: readonly FunnelStep[] = ['sent', 'handedOver', 'inPost30', 'inPost90', 'inPost180'];

function FunnelChart({ funnel, context }: { funnel: Dashboard['funnel']; context: Context }) {
  const { t } = context;
  const [, inPost90, inPost180] = IN_POST_DAYS;
  const counts: Record<FunnelStep, number> = {
    sent: funnel.sent,
    handedOver: funnel.handedOver,
    inPost30: funnel.inPost[IN_POST_DAYS[0]],
    inPost90: funnel.inPost[inPost90],
    inPost180: funnel.inPost[inPost180],
  };
  const steps = FUNNEL_STEPS.map((step) => {
    const { percent } = share(counts[step], funnel.sent);
    const shareText = percent === null ? '' : t('dashboardCharts.share', { percent });
    return {
      step,
      label: t(`dashboardCharts.funnel.steps.${step}`),
      people: counts[step],
      shareText,
      valueLabel: step === 'sent' ? context.n(counts[step]) : `${context.n(counts[step])} · ${shareText}`,
      to: drillHref(context.filter, { list: 'people', step }),
    };
  });
  const table: ChartTable = {
    columns: [
      t('dashboardCharts.funnel.column'),
      t('dashboardCharts.peopleColumn'),
      t('dashboardCharts.funnel.shareColumn'),
    ],
    rows: steps.map((row) => ({
      key: row.step,
      cells: [
        { text: row.label, to: row.to },
        { text: context.people(row.people), to: row.to },
        { text: row.shareText },
      ],
    })),
  };
  return (
    <ChartCard
      name="funnel"
      title={t('dashboardCharts.funnel.title')}
      {...context.period}
      empty={funnel.sent === 0 ? t('dashboardCharts.funnel.empty') : null}
      table={table}
      chart={
        <NamedBars
          rows={steps}
          context={context}
          to={(index) => steps[index]?.to ?? null}
          barColor={color(context.theme, 'green', 7)}
        />
      }
    />
  );
}

const STATUS_SHADES: Readonly<Record<BatchStatus, [string, number]>> = {
  draft: ['gray', 5],
  planned: ['blue', 6],
  ready: ['teal', 6],
  departed: ['indigo', 6],
  arrived: ['cyan', 7],
  'handed-over': ['green', 7],
  closed: ['dark', 3],
};

function WeeksChart({ weeks, context }: { weeks: Dashboard['comingWeeks']; context: Context }) {
  const { t, n } = context;
  const statuses = BATCH_STATUSES.filter((status) => weeks.some((week) => week.byStatus[status] > 0));
  const seats = (seated: number, capacity: number) =>
    capacity === 0
      ? t('dashboardCharts.weeks.seatsNone')
      : t('dashboardCharts.weeks.seats', { seated: n(seated), capacity: n(capacity) });
  const weekHref = (from: CalendarDate, status?: BatchStatus) =>
    drillHref(context.filter, { list: 'batches', kind: 'coming', week: from, status });
  const data = weeks.map((week) => ({ week: week.from, ...week.byStatus }));
  const ticks = new Map(
    weeks.map((week) => [
      week.from,
      {
        label: t('dashboardCharts.weeks.week', { date: context.shortDate(week.from) }),
        seats: seats(week.seated, week.capacity),
      },
    ]),
  );
  const series: BarChartSeries[] = statuses.map((status) => ({
    name: status,
    label: t(`batches.status.${status}`),
    color: color(context.theme, ...STATUS_SHADES[status]),
  }));
  const table: ChartTable = {
    columns: [
      t('dashboardCharts.weeks.column'),
      ...statuses.map((status) => t(`batches.status.${status}`)),
      t('dashboardCharts.weeks.passengersColumn'),
      t('dashboardCharts.weeks.seatsColumn'),
    ],
    rows: weeks.map((week) => ({
      key: week.from,
      cells: [
        {
          text: t('dashboardCharts.weeks.week', { date: formatCalendarDate(week.from, context.language) }),
          to: weekHref(week.from),
        },
        ...statuses.map((status) => ({
          text: n(week.byStatus[status]),
          to: week.byStatus[status] > 0 ? weekHref(week.from, status) : null,
        })),
        { text: n(week.passengers) },
        { text: week.capacity === 0 ? '–' : `${n(week.seated)} / ${n(week.capacity)}` },
      ],
    })),
  };
  return (
    <ChartCard
      name="weeks"
      title={t('dashboardCharts.weeks.title')}
      {...context.today}
      empty={weeks.every((week) => week.batches.length === 0) ? t('dashboardCharts.weeks.empty') : null}
      legend={series.map((item) => ({ label: item.label ?? item.name, color: item.color ?? '' }))}
      table={table}
      chart={
        <BarChart
          h={280}
          data={data}
          dataKey="week"
          type="stacked"
          withLegend
          legendProps={{ itemSorter: null }}
          series={series}
          valueFormatter={n}
          yAxisProps={{ allowDecimals: false, width: 36 }}
          xAxisProps={{
            height: 44,
            interval: 0,
            tick: ({ x, y, payload }: { x: number | string; y: number | string; payload: { value: unknown } }) => {
              const tick = ticks.get(String(payload.value));
              return (
                <g transform={`translate(${x},${y})`}>
                  <text textAnchor="middle" fontSize={12} fill="currentColor">
                    <tspan x={0} dy={14}>
                      {tick?.label}
                    </tspan>
                    <tspan x={0} dy={16} fontSize={11}>
                      {tick?.seats}
                    </tspan>
                  </text>
                </g>
              );
            },
          }}
          barProps={(item) => ({
            onClick: (_entry, index) => {
              const week = weeks[index];
              if (week) context.go(weekHref(week.from, item.name as BatchStatus));
            },
            style: clickable,
          })}
          maxBarWidth={56}
        />
      }
    />
  );
}

const HEALTH_PARTS = ['passed', 'recheck', 'failed', 'expired', 'notChecked'] as const;
const HEALTH_SHADES: Readonly<Record<(typeof HEALTH_PARTS)[number], [string, number]>> = {
  passed: ['green', 6],
  recheck: ['yellow', 6],
  failed: ['red', 7],
  expired: ['orange', 6],
  notChecked: ['gray', 4],
};

function HealthChart({ batches, context }: { batches: HealthSoon[]; context: Context }) {
  const { t, n } = context;
  const to = (batch: HealthSoon) => `/batches/${encodeURIComponent(batch.id)}`;
  const series: BarChartSeries[] = HEALTH_PARTS.map((part) => ({
    name: part,
    label: t(`health.progress.${part}`),
    color: color(context.theme, ...HEALTH_SHADES[part]),
  }));
  const data = batches.map((batch) => ({
    label: t('dashboardCharts.health.batch', { name: batch.name, date: context.shortDate(batch.date) }),
    ...Object.fromEntries(HEALTH_PARTS.map((part) => [part, batch.progress[part]])),
  }));
  const table: ChartTable = {
    columns: [
      t('dashboardCharts.health.column'),
      t('dashboardCharts.health.dateColumn'),
      ...HEALTH_PARTS.map((part) => t(`health.progress.${part}`)),
      t('dashboardCharts.health.totalColumn'),
    ],
    rows: batches.map((batch) => ({
      key: batch.id,
      cells: [
        { text: batch.name, to: to(batch) },
        { text: formatCalendarDate(batch.date, context.language) },
        ...HEALTH_PARTS.map((part) => ({ text: n(batch.progress[part]) })),
        { text: context.people(batch.progress.total) },
      ],
    })),
  };
  return (
    <ChartCard
      name="health"
      title={t('dashboardCharts.health.title')}
      {...context.today}
      empty={batches.length === 0 ? t('dashboardCharts.health.empty') : null}
      legend={series.map((item) => ({ label: item.label ?? item.name, color: item.color ?? '' }))}
      table={table}
      chart={
        <BarChart
          h={Math.max(batches.length * 36, 72) + 70}
          data={data}
          dataKey="label"
          orientation="vertical"
          type="stacked"
          gridAxis="y"
          withLegend
          legendProps={{ itemSorter: null }}
          series={series}
          valueFormatter={n}
          yAxisProps={{ width: 150, tickFormatter: fitted(context.language), interval: 0 }}
          xAxisProps={{ allowDecimals: false }}
          barChartProps={{ margin: { right: 16, left: 4 } }}
          barProps={{
            onClick: (_entry, index) => {
              const batch = batches[index];
              if (batch) context.go(to(batch));
            },
            style: clickable,
          }}
          maxBarWidth={24}
        />
      }
    />
  );
}

/**
 * The subsidy report's sums (shared/subsidy/report.ts), each opening the claims it is made of: "owed"
 * is eligible, submitted or approved (the dashboard's claims list, shared/dashboard/drill-rows.ts).
 */
const SUBSIDY_PARTS = [
  { part: 'owedFen', label: 'dashboard.owed', bucket: 'owed', shade: ['blue', 6] },
  { part: 'onNoticeFen', label: 'dashboard.onNotice', bucket: 'onNotice', shade: ['yellow', 6] },
  { part: 'paidFen', label: 'dashboard.paid', bucket: 'paid', shade: ['teal', 6] },
  { part: 'rejectedFen', label: 'dashboardCharts.subsidies.rejected', bucket: 'rejected', shade: ['gray', 5] },
] as const satisfies readonly { part: string; label: string; bucket: ClaimBucket; shade: readonly [string, number] }[];

function SubsidiesChart({ schemes, context }: { schemes: Dashboard['subsidiesByScheme']; context: Context }) {
  const { t, n } = context;
  const claimsHref = (schemeId: string, bucket: ClaimBucket) =>
    drillHref({ ...context.filter, schemeId }, { list: 'claims', bucket });
  const series: BarChartSeries[] = SUBSIDY_PARTS.map(({ part, label, shade }) => ({
    name: part,
    label: t(label),
    color: color(context.theme, shade[0], shade[1]),
  }));
  const data = schemes.map((scheme) => ({
    label: scheme.schemeName,
    ...Object.fromEntries(SUBSIDY_PARTS.map(({ part }) => [part, scheme[part]])),
  }));
  const bucketOf = new Map<string, ClaimBucket>(SUBSIDY_PARTS.map(({ part, bucket }) => [part, bucket]));
  const table: ChartTable = {
    columns: [t('dashboardCharts.subsidies.column'), ...SUBSIDY_PARTS.map(({ label }) => t(label))],
    rows: schemes.map((scheme) => ({
      key: scheme.schemeId,
      cells: [
        { text: scheme.schemeName },
        ...SUBSIDY_PARTS.map(({ part, bucket }) => ({
          text: context.yuan(scheme[part]),
          to: scheme[part] > 0 ? claimsHref(scheme.schemeId, bucket) : null,
        })),
      ],
    })),
  };
  const empty = schemes.every((scheme) => SUBSIDY_PARTS.every(({ part }) => scheme[part] === 0));
  return (
    <ChartCard
      name="subsidies"
      title={t('dashboardCharts.subsidies.title')}
      {...context.period}
      empty={empty ? t('dashboardCharts.subsidies.empty') : null}
      legend={series.map((item) => ({ label: item.label ?? item.name, color: item.color ?? '' }))}
      table={table}
      chart={
        <BarChart
          h={Math.max(schemes.length * 40, 80) + 70}
          data={data}
          dataKey="label"
          orientation="vertical"
          type="stacked"
          gridAxis="y"
          withLegend
          legendProps={{ itemSorter: null }}
          series={series}
          valueFormatter={(fen: number) => context.yuan(fen)}
          yAxisProps={{ width: 150, tickFormatter: fitted(context.language), interval: 0 }}
          xAxisProps={{ tickFormatter: (fen: number) => n(fen / 100) }}
          barChartProps={{ margin: { right: 24, left: 4 } }}
          barProps={(item) => ({
            onClick: (_entry, index) => {
              const scheme = schemes[index];
              const bucket = bucketOf.get(item.name);
              if (scheme && bucket) context.go(claimsHref(scheme.schemeId, bucket));
            },
            style: clickable,
          })}
          maxBarWidth={28}
        />
      }
    />
  );
}

/** The dashboard's charts for `filter`, one card each. */
export function DashboardCharts({
  dashboard,
  filter,
  language,
}: {
  dashboard: Dashboard;
  filter: DashboardFilter;
  language: Language;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const theme = useMantineTheme();
  const context = useMemo((): Context => {
    const number = new Intl.NumberFormat(language);
    const n = (value: number) => number.format(value);
    const short = new Intl.DateTimeFormat(language, { month: 'short', day: 'numeric', timeZone: 'UTC' });
    const today = dashboard.comingWeeks[0]?.from ?? todayCalendarDate();
    return {
      t,
      language,
      filter,
      theme,
      n,
      people: (count) => t('dashboardCharts.people', { count, value: n(count) }),
      yuan: (fen) => t('dashboard.yuan', { amount: formatYuan(fen) }),
      shortDate: (date) => short.format(new Date(`${date}T00:00:00Z`)),
      go: (to) => void navigate(to),
      period: {
        subtitle: t('dashboardCharts.png.shown', {
          from: formatCalendarDate(filter.from, language),
          to: formatCalendarDate(filter.to, language),
        }),
        filePeriod: t('dashboardCharts.png.period', { from: filter.from, to: filter.to }),
      },
      today: {
        subtitle: t('dashboardCharts.png.asOf', { date: formatCalendarDate(today, language) }),
        filePeriod: today,
      },
    };
  }, [t, language, filter, theme, navigate, dashboard.comingWeeks]);

  const countyHref = (group: BarGroup) =>
    group.key === '' ? null : drillHref({ ...filter, countyCode: group.key, township: null }, { list: 'people' });
  const townshipHref = (group: BarGroup, part: Bar) =>
    group.key === '' || part.key.trim() === ''
      ? null
      : drillHref({ ...filter, countyCode: group.key, township: part.key }, { list: 'people' });
  const provinceHref = (group: BarGroup) =>
    group.key === '' ? null : drillHref(filter, { list: 'people', province: group.key });
  const cityHref = (group: BarGroup, part: Bar) =>
    group.key === '' || part.key === ''
      ? null
      : drillHref(filter, { list: 'people', province: group.key, city: part.key });

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="dashboard-charts">
      <MonthChart bars={dashboard.sentByMonth} context={context} />
      <FunnelChart funnel={dashboard.funnel} context={context} />
      <GroupChart
        name="county"
        groups={dashboard.sentByCounty}
        context={context}
        groupHref={countyHref}
        partHref={townshipHref}
        barColor={color(theme, 'teal', 6)}
      />
      <GroupChart
        name="destination"
        groups={dashboard.sentByDestination}
        context={context}
        groupHref={provinceHref}
        partHref={cityHref}
        barColor={color(theme, 'blue', 6)}
      />
      <EnterprisesChart bars={dashboard.topEnterprises} context={context} />
      <SubsidiesChart schemes={dashboard.subsidiesByScheme} context={context} />
      <WeeksChart weeks={dashboard.comingWeeks} context={context} />
      <HealthChart batches={dashboard.healthSoon} context={context} />
    </SimpleGrid>
  );
}

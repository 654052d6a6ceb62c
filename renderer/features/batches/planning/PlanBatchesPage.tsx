import { useMemo, useState } from 'react';
import {
  Accordion,
  Alert,
  Button,
  Card,
  Group,
  Loader,
  MultiSelect,
  NumberInput,
  Paper,
  Progress,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArrowLeft, IconDeviceFloppy, IconWand } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import {
  POVERTY_STATUSES,
  type Language,
  type LegMode,
  type Route,
  type VehicleKind,
} from '../../../../shared/domain/records';
import { addCalendarDays, calendarDateToDate, formatCalendarDate, todayCalendarDate } from '../../../../shared/dates';
import type { FieldProblem } from '../../../../shared/domain/problems';
import {
  DEFAULT_MAX_VEHICLES_PER_LEG,
  UNPLACED_REASONS,
  type GroupStats,
  type PlannedBatch,
  type UnplacedReason,
} from '../../../../shared/planning';
import {
  RecordRejectedError,
  checkPlanningOptions,
  choiceCapacity,
  getSettings,
  listEnterpriseCities,
  listEnterprises,
  listRoutes,
  proposeBatches,
  saveProposal,
  useDirectoryVersion,
  useRepositoryQuery,
  workerDirectory,
  type BatchPlanningResult,
  type ProposeBatchesOptions,
} from '../../../db';
import { numberFrom, type NumberFieldValue } from '../../../components/field-problems';
import { logger } from '../../../logger';

/** The vehicle type of one leg as the form holds it. */
interface LegChoiceValues {
  kind: VehicleKind;
  seatCount: NumberFieldValue;
  maxVehicles: NumberFieldValue;
}

/** The screen's choices; the paths match `ProposeBatchesOptions`, so a refusal shows beside its input. */
interface PlanFormValues {
  counties: string[];
  villages: string[];
  cities: string[];
  enterpriseIds: string[];
  povertyStatuses: string[];
  firstDate: string;
  lastDate: string;
  /** In order of preference: the order they were chosen in. */
  routeIds: string[];
  /** Route id → leg id → vehicle type; kept when a route is unchosen, so choosing it again keeps the choice. */
  vehicles: Record<string, Record<string, LegChoiceValues>>;
  batchesPerDay: Record<string, NumberFieldValue>;
}

type PlanForm = UseFormReturnType<PlanFormValues>;

/** The kinds a leg may use: a coach leg coaches, a train leg carriages. */
const KINDS_FOR: Readonly<Record<LegMode, readonly VehicleKind[]>> = {
  coach: ['coach'],
  train: ['train-second-class', 'train-first-class', 'train-hard-seat'],
};

/**
 * Seats of a typical vehicle of each kind (DOMAIN.md, "Seats"): a 49-seat coach, a 90-seat
 * second-class car, a 56-seat first-class car, a 118-seat hard-seat car. The coordinator changes
 * them to what was booked.
 */
const TYPICAL_SEATS: Readonly<Record<VehicleKind, number>> = {
  coach: 49,
  'train-second-class': 90,
  'train-first-class': 56,
  'train-hard-seat': 118,
};

function defaultChoice(mode: LegMode): LegChoiceValues {
  const kind = KINDS_FOR[mode][0] ?? 'coach';
  return { kind, seatCount: TYPICAL_SEATS[kind], maxVehicles: DEFAULT_MAX_VEHICLES_PER_LEG[mode] };
}

/** A charter is booked about a week ahead (as a new batch by hand): plan the week after that. */
function initialValues(): PlanFormValues {
  const firstDate = addCalendarDays(todayCalendarDate(), 7);
  return {
    counties: [],
    villages: [],
    cities: [],
    enterpriseIds: [],
    povertyStatuses: [],
    firstDate,
    lastDate: addCalendarDays(firstDate, 6),
    routeIds: [],
    vehicles: {},
    batchesPerDay: {},
  };
}

/** What the repository is asked for; only the chosen routes' vehicles and batches a day go along. */
function optionsOf(values: PlanFormValues): ProposeBatchesOptions {
  const vehicles: ProposeBatchesOptions['vehicles'] = Object.fromEntries(
    values.routeIds.map((routeId) => [
      routeId,
      Object.fromEntries(
        Object.entries(values.vehicles[routeId] ?? {}).map(([legId, choice]) => [
          legId,
          { kind: choice.kind, seatCount: numberFrom(choice.seatCount), maxVehicles: numberFrom(choice.maxVehicles) },
        ]),
      ),
    ]),
  );
  return {
    filter: {
      counties: values.counties,
      villages: values.villages,
      cities: values.cities,
      enterpriseIds: values.enterpriseIds,
      povertyStatuses: POVERTY_STATUSES.filter((status) => values.povertyStatuses.includes(status)),
    },
    firstDate: values.firstDate,
    lastDate: values.lastDate,
    routeIds: values.routeIds,
    vehicles,
    batchesPerDay: Object.fromEntries(
      values.routeIds.map((routeId) => [routeId, numberFrom(values.batchesPerDay[routeId] ?? 1)]),
    ),
  };
}

/** A problem in words: this screen's own codes live under `planning.problems`, the others under `problems`. */
function problemText(problem: FieldProblem, t: TFunction, exists: (key: string) => boolean): string {
  const own = `planning.problems.${problem.code}`;
  return t(exists(own) ? own : `problems.${problem.code}`, problem.params ?? {});
}

function problemTexts(
  problems: readonly FieldProblem[],
  t: TFunction,
  exists: (key: string) => boolean,
): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const problem of problems) texts[problem.field] ??= problemText(problem, t, exists);
  return texts;
}

/** The batch's name in the user's language: route, day and number, e.g. 百色—广州 2月18日 第1批. */
function batchName(batch: PlannedBatch, routeName: string, t: TFunction, language: Language): string {
  const day = calendarDateToDate(batch.date);
  return t('planning.batchName', {
    route: routeName,
    month: day ? day.getMonth() + 1 : '',
    day: day ? day.getDate() : '',
    date: formatCalendarDate(batch.date, language),
    n: batch.sequence,
  });
}

const percent = (share: number): string => (share * 100).toFixed(1);

interface PoolFiltersProps {
  /** The planning form whose filter fields these are. */
  form: PlanForm;
}

/** Which workers ready to travel to plan: county and village, destination, enterprise, poverty status. */
function PoolFilters({ form }: PoolFiltersProps) {
  const { t } = useTranslation();
  const version = useDirectoryVersion();
  const facets = useRepositoryQuery(async () => (version === null ? null : workerDirectory().facets()), [version]);
  const enterprises = useRepositoryQuery(() => listEnterprises(), []);
  const cities = useRepositoryQuery(listEnterpriseCities, []);
  const { counties } = form.getValues();
  const villagesOf = (chosen: readonly string[]): string[] => [
    ...new Set(chosen.flatMap((county) => facets?.villages[county] ?? [])),
  ];
  return (
    <Card withBorder>
      <Stack gap="sm">
        <div>
          <Title order={4}>{t('planning.pool.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('planning.pool.hint')}
          </Text>
        </div>
        <SimpleGrid cols={{ base: 2, lg: 5 }} spacing="sm">
          <MultiSelect
            label={t('planning.pool.county')}
            placeholder={counties.length === 0 ? t('planning.pool.any') : undefined}
            data={facets?.counties ?? []}
            searchable
            clearable
            rightSection={version === null ? <Loader size="xs" /> : undefined}
            {...form.getInputProps('counties')}
            onChange={(chosen) => {
              const villages = new Set(villagesOf(chosen));
              form.setValues((current) => ({
                counties: chosen,
                villages: (current.villages ?? []).filter((village) => villages.has(village)),
              }));
            }}
          />
          <MultiSelect
            label={t('planning.pool.village')}
            placeholder={form.getValues().villages.length === 0 ? t('planning.pool.any') : undefined}
            data={villagesOf(counties)}
            disabled={counties.length === 0}
            searchable
            clearable
            {...form.getInputProps('villages')}
          />
          <MultiSelect
            label={t('planning.pool.city')}
            placeholder={form.getValues().cities.length === 0 ? t('planning.pool.any') : undefined}
            data={cities ?? []}
            searchable
            clearable
            {...form.getInputProps('cities')}
          />
          <MultiSelect
            label={t('planning.pool.enterprise')}
            placeholder={form.getValues().enterpriseIds.length === 0 ? t('planning.pool.any') : undefined}
            data={(enterprises ?? []).map((enterprise) => ({ value: enterprise.id, label: enterprise.name }))}
            searchable
            clearable
            {...form.getInputProps('enterpriseIds')}
          />
          <MultiSelect
            label={t('planning.pool.poverty')}
            placeholder={form.getValues().povertyStatuses.length === 0 ? t('planning.pool.any') : undefined}
            data={POVERTY_STATUSES.map((status) => ({ value: status, label: t(`workers.poverty.${status}`) }))}
            clearable
            {...form.getInputProps('povertyStatuses')}
          />
        </SimpleGrid>
      </Stack>
    </Card>
  );
}

interface RouteVehiclesProps {
  /** The route whose legs get a vehicle type. */
  route: Route;
  /** The planning form holding the choices. */
  form: PlanForm;
  /** The settings' load factor, for the capacity shown beside each leg. */
  loadFactor: number;
}

/** Per leg of one chosen route: vehicle kind, seats and most vehicles a batch; and batches a day. */
function RouteVehicles({ route, form, loadFactor }: RouteVehiclesProps) {
  const { t } = useTranslation();
  const choices = form.getValues().vehicles[route.id] ?? {};
  return (
    <Paper withBorder p="sm" data-testid="route-vehicles">
      <Group justify="space-between" align="end" mb="xs">
        <Text fw={600}>{route.name}</Text>
        <NumberInput
          label={t('planning.route.batchesPerDay')}
          aria-label={t('planning.route.batchesPerDayOf', { route: route.name })}
          min={1}
          max={20}
          allowDecimal={false}
          w={140}
          {...form.getInputProps(`batchesPerDay.${route.id}`)}
        />
      </Group>
      <Table verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('planning.route.legs')}</Table.Th>
            <Table.Th>{t('planning.route.kind')}</Table.Th>
            <Table.Th>{t('planning.route.seatCount')}</Table.Th>
            <Table.Th>{t('planning.route.maxVehicles')}</Table.Th>
            <Table.Th>{t('planning.route.capacity')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {route.legs.map((leg, index) => {
            const field = `vehicles.${route.id}.${leg.id}`;
            const choice = choices[leg.id] ?? defaultChoice(leg.mode);
            const seatCount = numberFrom(choice.seatCount);
            const capacity = Number.isFinite(seatCount)
              ? choiceCapacity({ kind: choice.kind, seatCount }, loadFactor)
              : 0;
            const names = { route: route.name, n: index + 1 };
            return (
              <Table.Tr key={leg.id}>
                <Table.Td>
                  <Text size="sm">
                    {t('planning.route.leg', {
                      n: index + 1,
                      mode: t(`planning.modes.${leg.mode}`),
                      from: leg.from,
                      to: leg.to,
                    })}
                  </Text>
                </Table.Td>
                <Table.Td w={230}>
                  <Select
                    aria-label={t('planning.route.kindOf', names)}
                    placeholder={t('planning.route.kind')}
                    data={KINDS_FOR[leg.mode].map((kind) => ({ value: kind, label: t(`planning.kinds.${kind}`) }))}
                    allowDeselect={false}
                    {...form.getInputProps(`${field}.kind`)}
                    onChange={(value) => {
                      if (!value) return;
                      const kind = value as VehicleKind;
                      form.setFieldValue(`${field}.kind`, kind);
                      form.setFieldValue(`${field}.seatCount`, TYPICAL_SEATS[kind]);
                    }}
                  />
                </Table.Td>
                <Table.Td w={130}>
                  <NumberInput
                    aria-label={t('planning.route.seatCountOf', names)}
                    min={1}
                    max={118}
                    allowDecimal={false}
                    {...form.getInputProps(`${field}.seatCount`)}
                  />
                </Table.Td>
                <Table.Td w={120}>
                  <NumberInput
                    aria-label={t('planning.route.maxVehiclesOf', names)}
                    min={1}
                    max={999}
                    allowDecimal={false}
                    {...form.getInputProps(`${field}.maxVehicles`)}
                  />
                </Table.Td>
                <Table.Td w={150}>
                  <Text size="sm" c="dimmed" data-capacity={capacity}>
                    {t(leg.mode === 'train' ? 'planning.route.carriageCapacity' : 'planning.route.coachCapacity', {
                      capacity,
                    })}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

interface TripFieldsProps {
  /** The planning form holding dates, routes and vehicle types. */
  form: PlanForm;
  /** The live routes to choose from; undefined while they load. */
  routes: readonly Route[] | undefined;
  /** The settings' load factor. */
  loadFactor: number;
}

/** The dates, the routes in order of preference, and each chosen route's vehicle types. */
function TripFields({ form, routes, loadFactor }: TripFieldsProps) {
  const { t } = useTranslation();
  const { routeIds } = form.getValues();
  const chooseRoutes = (ids: string[]) =>
    form.setValues((current) => {
      const vehicles = { ...(current.vehicles ?? {}) };
      const batchesPerDay = { ...(current.batchesPerDay ?? {}) };
      for (const id of ids) {
        const route = routes?.find((candidate) => candidate.id === id);
        if (!route || vehicles[id]) continue;
        vehicles[id] = Object.fromEntries(route.legs.map((leg) => [leg.id, defaultChoice(leg.mode)]));
        batchesPerDay[id] = 1;
      }
      return { routeIds: ids, vehicles, batchesPerDay };
    });
  return (
    <Card withBorder>
      <Stack gap="sm">
        <div>
          <Title order={4}>{t('planning.trip.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('planning.trip.loadFactor', { percent: Math.round(loadFactor * 100) })}
          </Text>
        </div>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
          <TextInput
            type="date"
            label={t('planning.trip.firstDate')}
            withAsterisk
            {...form.getInputProps('firstDate')}
          />
          <TextInput type="date" label={t('planning.trip.lastDate')} withAsterisk {...form.getInputProps('lastDate')} />
          <MultiSelect
            label={t('planning.trip.routes')}
            description={t('planning.trip.routesHint')}
            withAsterisk
            data={(routes ?? []).map((route) => ({ value: route.id, label: route.name }))}
            nothingFoundMessage={t('planning.trip.noRoutes')}
            searchable
            {...form.getInputProps('routeIds')}
            onChange={chooseRoutes}
          />
        </SimpleGrid>
        {routeIds.flatMap((id) => {
          const route = routes?.find((candidate) => candidate.id === id);
          return route ? [<RouteVehicles key={id} route={route} form={form} loadFactor={loadFactor} />] : [];
        })}
      </Stack>
    </Card>
  );
}

interface TotalsProps {
  /** The proposal and its figures. */
  result: BatchPlanningResult;
}

/** Passengers placed, batches, vehicles beside their lower bound, and workers not placed. */
function Totals({ result }: TotalsProps) {
  const { t } = useTranslation();
  const { proposal } = result;
  const gap = proposal.lowerBound === 0 ? 0 : (proposal.vehicleCount - proposal.lowerBound) / proposal.lowerBound;
  return (
    <Stack gap={6}>
      <SimpleGrid cols={{ base: 2, lg: 4 }} spacing="sm">
        <Paper withBorder p="sm" data-testid="total-placed">
          <Text fw={600}>{t('planning.proposal.placed', { count: proposal.passengerCount })}</Text>
          <Text size="sm" c="dimmed">
            {t('planning.proposal.pool', { count: result.poolSize })}
          </Text>
        </Paper>
        <Paper withBorder p="sm" data-testid="total-batches">
          <Text fw={600}>{t('planning.proposal.batches', { count: proposal.batches.length })}</Text>
        </Paper>
        <Paper
          withBorder
          p="sm"
          data-testid="total-vehicles"
          data-vehicles={proposal.vehicleCount}
          data-lower-bound={proposal.lowerBound}
          title={t('planning.proposal.boundHint')}
        >
          <Text fw={600}>
            {t('planning.proposal.vehicles', {
              count: proposal.vehicleCount,
              bound: proposal.lowerBound,
              gap: percent(gap),
            })}
          </Text>
        </Paper>
        <Paper withBorder p="sm" data-testid="total-unplaced" data-unplaced={proposal.unplaced.length}>
          <Text fw={600}>{t('planning.proposal.unplaced', { count: proposal.unplaced.length })}</Text>
        </Paper>
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('planning.proposal.boundHint')}
      </Text>
      {result.onBatches + result.arrived > 0 && (
        <Text size="xs" c="dimmed">
          {t('planning.proposal.excluded', { onBatches: result.onBatches, arrived: result.arrived })}
        </Text>
      )}
    </Stack>
  );
}

interface BatchesTableProps {
  /** The proposal and its routes. */
  result: BatchPlanningResult;
  /** The name each batch will be saved with, by index. */
  names: readonly string[];
}

/** The proposed batches: name, day, groups on board, passengers, vehicles per leg and fill rate. */
function BatchesTable({ result, names }: BatchesTableProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const routes = useMemo(() => new Map(result.routes.map((route) => [route.id, route])), [result]);
  const groups = useMemo(() => new Map(result.proposal.groups.map((group) => [group.key, group])), [result]);
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped verticalSpacing="xs" aria-label={t('planning.proposal.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('planning.proposal.columns.name')}</Table.Th>
            <Table.Th>{t('planning.proposal.columns.date')}</Table.Th>
            <Table.Th>{t('planning.proposal.columns.groups')}</Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
              {t('planning.proposal.columns.passengers')}
            </Table.Th>
            <Table.Th>{t('planning.proposal.columns.vehicles')}</Table.Th>
            <Table.Th w={140}>{t('planning.proposal.columns.fill')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.proposal.batches.map((batch, index) => {
            const route = routes.get(batch.routeId);
            return (
              <Table.Tr key={`${batch.routeId}/${batch.sequence}`} data-testid="proposed-batch">
                <Table.Td>{names[index]}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatCalendarDate(batch.date, language)}</Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {batch.groupKeys
                      .map((key) => groups.get(key))
                      .filter((group): group is GroupStats => group !== undefined)
                      .map((group) => `${group.county} → ${group.city}`)
                      .join(t('planning.unplaced.separator'))}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{batch.passengerIds.length.toLocaleString(i18n.language)}</Table.Td>
                <Table.Td>
                  {batch.legs.map((leg, legIndex) => {
                    const mode = route?.legs.find((candidate) => candidate.id === leg.legId)?.mode ?? 'coach';
                    return (
                      <Text size="sm" key={leg.legId} style={{ whiteSpace: 'nowrap' }}>
                        {t(mode === 'train' ? 'planning.proposal.legCarriages' : 'planning.proposal.legCoaches', {
                          n: legIndex + 1,
                          count: leg.vehicles.length,
                        })}
                      </Text>
                    );
                  })}
                </Table.Td>
                <Table.Td data-fill={batch.fillRate.toFixed(3)}>
                  <Text size="sm">{t('planning.proposal.fill', { percent: percent(batch.fillRate) })}</Text>
                  <Progress value={batch.fillRate * 100} size="sm" aria-hidden />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface GroupsTableProps {
  /** The proposal and its routes. */
  result: BatchPlanningResult;
}

/** Each pickup point and city: passengers, batches, vehicles beside the lower bound, and who found no date. */
function GroupsTable({ result }: GroupsTableProps) {
  const { t, i18n } = useTranslation();
  const count = (n: number) => n.toLocaleString(i18n.language);
  const routeNames = new Map(result.routes.map((route) => [route.id, route.name]));
  const manyRoutes = result.routes.length > 1;
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table striped verticalSpacing={4} aria-label={t('planning.groups.title')}>
        <Table.Thead>
          <Table.Tr>
            {manyRoutes && <Table.Th>{t('planning.groups.columns.route')}</Table.Th>}
            <Table.Th>{t('planning.groups.columns.county')}</Table.Th>
            <Table.Th>{t('planning.groups.columns.city')}</Table.Th>
            <Table.Th ta="right">{t('planning.groups.columns.passengers')}</Table.Th>
            <Table.Th ta="right">{t('planning.groups.columns.overflow')}</Table.Th>
            <Table.Th ta="right">{t('planning.groups.columns.batches')}</Table.Th>
            <Table.Th ta="right">{t('planning.groups.columns.vehicles')}</Table.Th>
            <Table.Th ta="right">{t('planning.groups.columns.lowerBound')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.proposal.groups.map((group) => (
            <Table.Tr key={group.key} data-above-bound={group.vehicles > group.lowerBound}>
              {manyRoutes && <Table.Td>{routeNames.get(group.routeId)}</Table.Td>}
              <Table.Td>{group.county}</Table.Td>
              <Table.Td>{group.city}</Table.Td>
              <Table.Td ta="right">{count(group.passengers)}</Table.Td>
              <Table.Td ta="right">{count(group.overflow)}</Table.Td>
              <Table.Td ta="right">{count(group.batchCount)}</Table.Td>
              <Table.Td ta="right">{count(group.vehicles)}</Table.Td>
              <Table.Td ta="right">{count(group.lowerBound)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Names listed per reason; the rest are counted. A roster's worth of names helps nobody on screen. */
const NAMES_SHOWN = 200;

interface UnplacedListProps {
  /** The proposal and the unplaced workers' names. */
  result: BatchPlanningResult;
}

/** The workers not placed, counted by reason, each reason opening to its names and what to do. */
function UnplacedList({ result }: UnplacedListProps) {
  const { t } = useTranslation();
  const byReason = useMemo(() => {
    const lists = new Map<UnplacedReason, string[]>();
    for (const { workerId, reason } of result.proposal.unplaced) {
      const list = lists.get(reason) ?? [];
      list.push(workerId);
      lists.set(reason, list);
    }
    return lists;
  }, [result]);
  if (result.proposal.unplaced.length === 0) {
    return <Text size="sm">{t('planning.unplaced.none')}</Text>;
  }
  return (
    <Accordion variant="separated" multiple>
      {UNPLACED_REASONS.flatMap((reason) => {
        const ids = byReason.get(reason);
        if (!ids) return [];
        return [
          <Accordion.Item key={reason} value={reason} data-testid="unplaced-reason" data-reason={reason}>
            <Accordion.Control>
              <Group justify="space-between" pr="sm">
                <Text size="sm" fw={500}>
                  {t(`planning.unplaced.reasons.${reason}`)}
                </Text>
                <Text size="sm">{t('planning.unplaced.count', { count: ids.length })}</Text>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <Text size="sm" c="dimmed" mb={6}>
                {t(`planning.unplaced.hints.${reason}`)}
              </Text>
              <ScrollArea.Autosize mah={240} type="auto">
                <Text size="sm">
                  {ids
                    .slice(0, NAMES_SHOWN)
                    .map((id) => {
                      const person = result.people[id];
                      return person ? t('planning.unplaced.person', { ...person }) : id;
                    })
                    .join(t('planning.unplaced.separator'))}
                </Text>
              </ScrollArea.Autosize>
              {ids.length > NAMES_SHOWN && (
                <Text size="sm" c="dimmed" mt={4}>
                  {t('planning.unplaced.more', { count: ids.length - NAMES_SHOWN })}
                </Text>
              )}
            </Accordion.Panel>
          </Accordion.Item>,
        ];
      })}
    </Accordion>
  );
}

/**
 * Automatic batch planning (issue "Plan batches"): the coordinator filters the workers ready to
 * travel, picks the dates, the routes and each leg's vehicle type, and gets a proposal (batches,
 * vehicles beside their lower bound, fill rates, who could not be placed and why). Nothing is
 * stored until "save", which creates every batch and its passengers in one transaction.
 */
export function PlanBatchesPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const language = i18n.language as Language;
  const routes = useRepositoryQuery(listRoutes, []);
  const settings = useRepositoryQuery(getSettings, []);
  const loadFactor = settings?.loadFactor ?? 0.5;
  const exists = (key: string) => i18n.exists(key);
  const form = useForm<PlanFormValues>({
    mode: 'controlled',
    initialValues: initialValues(),
    validate: (values) => problemTexts(checkPlanningOptions(optionsOf(values), routes ?? [], loadFactor), t, exists),
  });
  const [generated, setGenerated] = useState<{ result: BatchPlanningResult; key: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  const currentKey = JSON.stringify(optionsOf(form.getValues()));
  const stale = generated !== null && generated.key !== currentKey;
  const result = generated?.result ?? null;
  const names = useMemo(() => {
    if (!result) return [];
    const routeNames = new Map(result.routes.map((route) => [route.id, route.name]));
    return result.proposal.batches.map((batch) => batchName(batch, routeNames.get(batch.routeId) ?? '', t, language));
  }, [result, t, language]);

  const generate = form.onSubmit(async (values) => {
    const options = optionsOf(values);
    setSaveError(null);
    try {
      setGenerated({ result: await proposeBatches(options), key: JSON.stringify(options) });
    } catch (error) {
      if (error instanceof RecordRejectedError) {
        form.setErrors(problemTexts(error.problems, t, exists));
      } else {
        logger.error('planning batches failed', error);
        const message = error instanceof Error ? error.message : String(error);
        notifications.show({ color: 'red', message: t('planning.failed', { message }) });
      }
    }
  });

  const save = async () => {
    if (!result) return;
    setSaving(true);
    setSaveError(null);
    try {
      const ids = await saveProposal(result.proposal, { names, coachLabelPrefix: t('planning.coachLabelPrefix') });
      notifications.show({
        color: 'teal',
        message: t('planning.saved', {
          count: ids.length,
          passengers: result.proposal.passengerCount,
        }),
      });
      void navigate('/batches');
    } catch (error) {
      let message: string;
      if (error instanceof RecordRejectedError) {
        message = error.problems.map((problem) => problemText(problem, t, exists)).join(' ');
      } else {
        logger.error('saving the proposal failed', error);
        message = error instanceof Error ? error.message : String(error);
      }
      setSaveError(t('planning.saveFailed', { message }));
      setSaving(false);
    }
  };

  const batchCount = result?.proposal.batches.length ?? 0;
  return (
    <Stack>
      <div>
        <Button
          component={Link}
          to="/batches"
          variant="subtle"
          size="compact-sm"
          leftSection={<IconArrowLeft size={16} />}
        >
          {t('planning.back')}
        </Button>
        <Title order={2} mt={4}>
          {t('planning.title')}
        </Title>
        <Text size="sm" c="dimmed" maw={900}>
          {t('planning.intro')}
        </Text>
      </div>
      <form onSubmit={generate} noValidate>
        <Stack>
          <PoolFilters form={form} />
          <TripFields form={form} routes={routes} loadFactor={loadFactor} />
          <Group>
            <Button type="submit" leftSection={<IconWand size={18} />} loading={form.submitting} disabled={saving}>
              {t('planning.generate')}
            </Button>
            {form.submitting && (
              <Group gap="xs" data-testid="planning-progress">
                <Loader size="sm" />
                <Text size="sm" c="dimmed">
                  {t('planning.generating')}
                </Text>
              </Group>
            )}
          </Group>
        </Stack>
      </form>

      {result && (
        <Stack data-testid="proposal" data-stale={stale}>
          <Title order={3}>{t('planning.proposal.title')}</Title>
          {stale && (
            <Alert color="yellow" icon={<IconAlertTriangle size={18} />}>
              {t('planning.stale')}
            </Alert>
          )}
          <Totals result={result} />
          {batchCount === 0 ? (
            <Text c="dimmed">{t('planning.proposal.empty')}</Text>
          ) : (
            <BatchesTable result={result} names={names} />
          )}
          <Accordion variant="contained">
            <Accordion.Item value="groups">
              <Accordion.Control>{t('planning.groups.title')}</Accordion.Control>
              <Accordion.Panel>
                <GroupsTable result={result} />
              </Accordion.Panel>
            </Accordion.Item>
          </Accordion>
          <Title order={4}>{t('planning.unplaced.title')}</Title>
          <UnplacedList result={result} />
          {saveError && (
            <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="save-error">
              {saveError}
            </Alert>
          )}
          <Group>
            <Button
              leftSection={<IconDeviceFloppy size={18} />}
              disabled={stale || batchCount === 0 || form.submitting}
              loading={saving}
              onClick={() => void save()}
            >
              {t('planning.save', { count: batchCount })}
            </Button>
            <Text size="sm" c="dimmed">
              {t('planning.saveHint')}
            </Text>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}

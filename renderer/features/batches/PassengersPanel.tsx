import { useState } from 'react';
import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconArrowsExchange, IconBuildingFactory2, IconSearch, IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Batch, PovertyStatus } from '@shared/domain/records';
import { POVERTY_STATUSES } from '@shared/domain/records';
import { seatLabel } from '@shared/seating';
import {
  addPassengers,
  listEnterprises,
  listPassengers,
  removePassengers,
  useRepositoryQuery,
  useDirectoryVersion,
  workerDirectory,
  type DirectoryQuery,
  type Passenger,
} from '../../db';
import { useWorkerSelection, workerSelection } from '../workers/selection';
import { openPlacementForm } from '../workers/PlacementForm';
import { notifyWriteFailure } from '../../components/write-failure';
import { useAddressParams } from '../../components/use-address-params';
import { useLanguage } from '../../i18n/use-language';
import { announceOutcome, openChooseBatch } from './add-passengers';
import { PASSENGERS_SHOW_PARAM, passengersShowOf, type PassengersShow } from './batch-links';

interface PassengersPanelProps {
  /** The batch whose passengers are listed. */
  batch: Batch;
  /** False once the batch has departed (or is deleted): the list is then read-only. */
  editable: boolean;
}

const SEARCH_LIMIT = 20;

/** The enterprise every chosen passenger already has, to start the placement form with; else none. */
function commonEnterprise(workerIds: readonly string[], passengers: readonly Passenger[]): string | null {
  const ids = new Set(
    passengers.filter((passenger) => workerIds.includes(passenger.worker.id)).map((p) => p.worker.enterpriseId),
  );
  const [only] = ids;
  return ids.size === 1 && only ? only : null;
}

const query = (over: Partial<DirectoryQuery>): DirectoryQuery => ({
  search: '',
  sort: 'name',
  descending: false,
  ...over,
});

interface AddBySearchProps {
  /** The batch the found workers join. */
  batchId: string;
  /** Workers on the batch already: they are marked as such instead of offered. */
  onBatch: ReadonlySet<string>;
}

/**
 * Finds workers by name, pinyin or ID digits and adds them one by one. The search asks the workers
 * directory again whenever it takes in a change, so people imported since the app started are found
 * as soon as it has them; until the directory is ready the field says it is loading, and a search
 * that finds no one says so.
 */
function AddBySearch({ batchId, onBatch }: AddBySearchProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 120);
  const version = useDirectoryVersion();
  const found = useRepositoryQuery(
    async () =>
      debounced.trim() === '' || version === null
        ? null
        : (await workerDirectory().page(query({ search: debounced }), 0, SEARCH_LIMIT)).rows,
    [debounced, version],
  );
  const add = async (workerId: string) => {
    try {
      announceOutcome(await addPassengers(batchId, [workerId]), t, 'added');
    } catch (error) {
      notifyWriteFailure(error, t, 'changing passengers');
    }
  };
  const searching = debounced.trim() !== '';
  return (
    <Stack gap="xs">
      <TextInput
        aria-label={t('batches.passengers.search')}
        placeholder={t('batches.passengers.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        w={320}
      />
      {searching && version === null && (
        <Text size="sm" c="dimmed" data-testid="search-loading">
          {t('batches.passengers.searchLoading')}
        </Text>
      )}
      {searching && found?.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="search-nothing">
          {t('batches.passengers.searchNothing', { query: debounced.trim() })}
        </Text>
      )}
      {found?.map((worker) => (
        <Group key={worker.id} gap="sm" data-testid="search-result">
          <Text size="sm" w={100}>
            {worker.name}
          </Text>
          <Text size="sm" c="dimmed" w={260}>
            {`${worker.county}${worker.township}${worker.village}`}
          </Text>
          {onBatch.has(worker.id) ? (
            <Text size="sm" c="dimmed" data-testid="already-on-batch">
              {t('batches.passengers.alreadyOnBatch')}
            </Text>
          ) : (
            <Button
              size="compact-xs"
              variant="light"
              aria-label={t('batches.passengers.addOne', { name: worker.name })}
              onClick={() => void add(worker.id)}
            >
              {t('batches.passengers.add')}
            </Button>
          )}
        </Group>
      ))}
    </Stack>
  );
}

/** Adds everyone matching a filter (county, village, enterprise, poverty status), after a confirmation. */
function AddByFilter({ batchId }: { batchId: string }) {
  const { t } = useTranslation();
  const [county, setCounty] = useState<string | null>(null);
  const [village, setVillage] = useState<string | null>(null);
  const [enterpriseId, setEnterpriseId] = useState<string | null>(null);
  const [poverty, setPoverty] = useState<PovertyStatus | null>(null);
  const facets = useRepositoryQuery(() => workerDirectory().facets(), []);
  const enterprises = useRepositoryQuery(() => listEnterprises(), []) ?? [];
  const filter = query({ county, village, enterpriseId, povertyStatus: poverty });
  const matching = useRepositoryQuery(
    async () =>
      county || village || enterpriseId || poverty ? (await workerDirectory().matchingIds(filter)).length : null,
    [county, village, enterpriseId, poverty],
  );
  const addAll = () =>
    modals.openConfirmModal({
      title: t('batches.passengers.addFilteredTitle'),
      children: <Text size="sm">{t('batches.passengers.addFilteredText', { count: matching ?? 0 })}</Text>,
      labels: { confirm: t('batches.passengers.add'), cancel: t('common.cancel') },
      onConfirm: () =>
        void workerDirectory()
          .matchingIds(filter)
          .then((ids) => addPassengers(batchId, ids))
          .then((outcome) => announceOutcome(outcome, t, 'added'))
          .catch((error: unknown) => notifyWriteFailure(error, t, 'changing passengers')),
    });
  return (
    <Group align="end">
      <Select
        label={t('workers.columns.county')}
        data={facets?.counties ?? []}
        value={county}
        onChange={(value) => {
          setCounty(value);
          setVillage(null);
        }}
        clearable
        w={150}
      />
      <Select
        label={t('batches.passengers.village')}
        data={county ? (facets?.villages[county] ?? []) : []}
        value={village}
        onChange={setVillage}
        clearable
        searchable
        w={150}
      />
      <Select
        label={t('workers.columns.enterprise')}
        data={enterprises.map((enterprise) => ({ value: enterprise.id, label: enterprise.name }))}
        value={enterpriseId}
        onChange={setEnterpriseId}
        clearable
        searchable
        w={220}
      />
      <Select
        label={t('workers.columns.povertyStatus')}
        data={POVERTY_STATUSES.map((value) => ({ value, label: t(`workers.poverty.${value}`) }))}
        value={poverty}
        onChange={(value) => setPoverty(POVERTY_STATUSES.find((status) => status === value) ?? null)}
        clearable
        w={150}
      />
      <Button variant="light" disabled={!matching} onClick={addAll}>
        {t('batches.passengers.addFiltered', { count: matching ?? 0 })}
      </Button>
    </Group>
  );
}

/**
 * The passengers of a batch: added by search, filter or the workers list's selection; removed;
 * moved; and placed at a receiving enterprise, several at once. `?show=no-enterprise` (the gate's
 * link) lists only those without an enterprise.
 */
export function PassengersPanel({ batch, editable }: PassengersPanelProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [searchParams, changeSearchParams] = useAddressParams();
  const show = passengersShowOf(searchParams.get(PASSENGERS_SHOW_PARAM));
  const setShow = (next: PassengersShow | null) => changeSearchParams({ [PASSENGERS_SHOW_PARAM]: next });
  const allPassengers = useRepositoryQuery(() => listPassengers(batch.id), [batch.id]);
  const withoutEnterprise = allPassengers?.filter((passenger) => !passenger.enterprise).length ?? 0;
  const passengers =
    show === 'no-enterprise' ? allPassengers?.filter((passenger) => !passenger.enterprise) : allPassengers;
  const selectedInList = useWorkerSelection();
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const vehicles = new Map(batch.legs.flatMap((leg) => leg.vehicles.map((vehicle) => [vehicle.id, vehicle] as const)));
  const legOrder = new Map(batch.legs.map((leg, index) => [leg.legId, index]));
  const toggle = (id: string) =>
    setChecked((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const onBatch = new Set(allPassengers?.map((passenger) => passenger.worker.id));
  // Only the rows shown count as chosen: a filter hides rows, it must not act on them unseen.
  const shown = new Set(passengers?.map((passenger) => passenger.worker.id));
  const live = [...checked].filter((id) => shown.has(id));
  const allShownChecked = shown.size > 0 && live.length === shown.size;
  const toggleAll = () => setChecked(allShownChecked ? new Set() : new Set(shown));
  const assignEnterprise = () =>
    openPlacementForm({
      t,
      workerIds: live,
      enterpriseId: commonEnterprise(live, allPassengers ?? []),
      onDone: () => setChecked(new Set()),
    });

  const addSelection = async () => {
    try {
      announceOutcome(await addPassengers(batch.id, [...selectedInList]), t, 'added');
      workerSelection.clear();
    } catch (error) {
      notifyWriteFailure(error, t, 'changing passengers');
    }
  };
  const remove = () =>
    modals.openConfirmModal({
      title: t('batches.passengers.removeTitle'),
      children: <Text size="sm">{t('batches.passengers.removeText', { count: live.length })}</Text>,
      labels: { confirm: t('batches.passengers.remove'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void removePassengers(batch.id, live)
          .then((count) => {
            notifications.show({ message: t('batches.passengers.removed', { count }) });
            setChecked(new Set());
          })
          .catch((error: unknown) => notifyWriteFailure(error, t, 'changing passengers')),
    });

  return (
    <Stack>
      {editable && (
        <Card withBorder>
          <Stack>
            <Group justify="space-between">
              <Title order={4}>{t('batches.passengers.addTitle')}</Title>
              <Button
                leftSection={<IconUserPlus size={16} />}
                variant="light"
                disabled={selectedInList.size === 0}
                onClick={() => void addSelection()}
              >
                {t('batches.passengers.addSelection', { count: selectedInList.size })}
              </Button>
            </Group>
            <AddBySearch batchId={batch.id} onBatch={onBatch} />
            <AddByFilter batchId={batch.id} />
            {selectedInList.size === 0 && (
              <Text size="xs" c="dimmed">
                {t('batches.passengers.selectionHint')} <Link to="/workers">{t('app.nav.workers')}</Link>
              </Text>
            )}
          </Stack>
        </Card>
      )}
      <Group justify="space-between">
        <Group gap="md">
          <Text size="sm" data-testid="passenger-count">
            {t('batches.passengers.count', { count: allPassengers?.length ?? 0 })}
          </Text>
          <Switch
            size="sm"
            label={t('batches.passengers.onlyWithoutEnterprise', { count: withoutEnterprise })}
            checked={show === 'no-enterprise'}
            onChange={(event) => setShow(event.currentTarget.checked ? 'no-enterprise' : null)}
            data-testid="only-without-enterprise"
          />
        </Group>
        {editable && (
          <Group>
            <Button
              size="xs"
              variant="light"
              leftSection={<IconBuildingFactory2 size={16} />}
              disabled={live.length === 0}
              onClick={assignEnterprise}
            >
              {t('batches.passengers.assignEnterprise', { count: live.length })}
            </Button>
            <Button
              size="xs"
              variant="light"
              leftSection={<IconArrowsExchange size={16} />}
              disabled={live.length === 0}
              onClick={() =>
                openChooseBatch({ t, workerIds: live, fromBatchId: batch.id, onDone: () => setChecked(new Set()) })
              }
            >
              {t('batches.passengers.move', { count: live.length })}
            </Button>
            <Button
              size="xs"
              variant="light"
              color="red"
              leftSection={<IconTrash size={16} />}
              disabled={live.length === 0}
              onClick={remove}
            >
              {t('batches.passengers.removeSome', { count: live.length })}
            </Button>
          </Group>
        )}
      </Group>
      <Table striped verticalSpacing={4} aria-label={t('batches.tabs.passengers')}>
        <Table.Thead>
          <Table.Tr>
            {editable && (
              <Table.Th w={36}>
                <Checkbox
                  aria-label={t('batches.passengers.checkAllShown')}
                  checked={allShownChecked}
                  indeterminate={live.length > 0 && !allShownChecked}
                  disabled={shown.size === 0}
                  onChange={toggleAll}
                />
              </Table.Th>
            )}
            <Table.Th>{t('workers.columns.name')}</Table.Th>
            <Table.Th>{t('workers.columns.county')}</Table.Th>
            <Table.Th>{t('workers.columns.village')}</Table.Th>
            <Table.Th>{t('batches.passengers.household')}</Table.Th>
            <Table.Th>{t('workers.columns.enterprise')}</Table.Th>
            <Table.Th>{t('batches.passengers.seats')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {passengers?.map(({ worker, enterprise, assignment }) => (
            <Table.Tr key={assignment.id} data-testid="passenger-row">
              {editable && (
                <Table.Td>
                  <Checkbox
                    aria-label={worker.name}
                    checked={checked.has(worker.id)}
                    onChange={() => toggle(worker.id)}
                  />
                </Table.Td>
              )}
              <Table.Td>
                <Link to={`/workers/${worker.id}`}>{worker.name}</Link>
              </Table.Td>
              <Table.Td>{worker.county}</Table.Td>
              <Table.Td>{`${worker.township}${worker.village}`}</Table.Td>
              <Table.Td>{worker.household}</Table.Td>
              <Table.Td>
                {enterprise ? (
                  enterprise.name
                ) : (
                  <Badge color="orange" variant="light">
                    {t('batches.passengers.noEnterprise')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {[...assignment.seats]
                  .sort((a, b) => (legOrder.get(a.legId) ?? 0) - (legOrder.get(b.legId) ?? 0))
                  .map((seat) => {
                    const vehicle = vehicles.get(seat.vehicleId);
                    return vehicle ? seatLabel(vehicle, seat.seat, language) : seat.seat;
                  })
                  .join(' / ') || t('batches.passengers.notSeated')}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {show === 'no-enterprise' && allPassengers !== undefined && withoutEnterprise === 0 && (
        <Text size="sm" c="teal" data-testid="all-have-enterprise">
          {t('batches.passengers.allHaveEnterprise')}
        </Text>
      )}
    </Stack>
  );
}

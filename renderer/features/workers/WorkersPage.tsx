import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { Badge, Button, Checkbox, Group, Loader, Menu, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconChevronDown, IconFileImport, IconPlus, IconSearch } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { POVERTY_STATUSES, WORKER_STATUSES, type Worker } from '@shared/domain/records';
import { ageOn, todayCalendarDate } from '@shared/dates';
import {
  listEnterprises,
  RECENT_WORKERS_SHOWN,
  takeRecentWorkers,
  useDirectoryVersion,
  useRepositoryQuery,
  workerDirectory,
  type DirectoryQuery,
  type DirectorySortKey,
} from '../../db';
import { useLanguage } from '../../i18n/use-language';
import { useDirectoryRows } from './use-directory-rows';
import { openPlacementForm } from './PlacementForm';
import { useWorkerSelection, workerSelection } from './selection';
import classes from './WorkersTable.module.css';
import type { openWorkerForm as OpenWorkerForm } from './WorkerForm';
import type { exportWorkers as ExportWorkers } from './export-workers';
import { shownResidentId } from '@shared/privacy/anonymise';

// The form (ID rules, the region table) and the export (the XLSX writer) load when first used, so
// opening the list waits for neither.
const openWorkerForm = async (...args: Parameters<typeof OpenWorkerForm>) =>
  (await import('./WorkerForm')).openWorkerForm(...args);
const exportWorkers = async (...args: Parameters<typeof ExportWorkers>) =>
  (await import('./export-workers')).exportWorkers(...args);

const ROW_HEIGHT = 40;

function SortHeader(props: {
  /** The sort this header sets. */
  sortKey: DirectorySortKey;
  /** The list's current sort. */
  query: DirectoryQuery;
  /** Called with the new sort key and direction. */
  onSort: (key: DirectorySortKey, descending: boolean) => void;
  /** The header text. */
  label: string;
}) {
  const active = props.query.sort === props.sortKey;
  return (
    <button
      type="button"
      className={classes.sort}
      data-active={active}
      onClick={() => props.onSort(props.sortKey, active ? !props.query.descending : false)}
    >
      {props.label}
      {active ? (props.query.descending ? ' ↓' : ' ↑') : ''}
    </button>
  );
}

export function WorkersPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  // Each keystroke searches (a few ms in the directory); deferring keeps typing ahead of rendering.
  const deferredSearch = useDeferredValue(search);
  const [filters, setFilters] = useState<Omit<DirectoryQuery, 'search' | 'sort' | 'descending'>>({});
  const [sort, setSort] = useState<{ sort: DirectorySortKey; descending: boolean }>({
    sort: 'name',
    descending: false,
  });
  const selected = useWorkerSelection();
  const query: DirectoryQuery = useMemo(
    () => ({ search: deferredSearch, ...filters, ...sort }),
    [deferredSearch, filters, sort],
  );
  // The most recent workers first, straight from an index; then the directory with everyone.
  const [recent, setRecent] = useState<Worker[] | null>(null);
  useEffect(() => {
    void takeRecentWorkers(RECENT_WORKERS_SHOWN).then(setRecent);
  }, []);
  const version = useDirectoryVersion(recent !== null);
  const { total, rowAt, request } = useDirectoryRows(query, version);
  const loading = version === null;
  const count = loading ? (recent?.length ?? 0) : (total ?? 0);
  const workerAt = (index: number) => (loading ? recent?.[index] : rowAt(index));
  const facets = useRepositoryQuery(async () => (version === null ? null : workerDirectory().facets()), [version]);
  const enterprises = useRepositoryQuery(() => listEnterprises(), []);
  const enterpriseName = useMemo(() => new Map((enterprises ?? []).map((e) => [e.id, e.name])), [enterprises]);
  const today = todayCalendarDate();

  const viewport = useRef<HTMLDivElement>(null);
  // TanStack Virtual returns fresh functions each render by design; the React Compiler skips this component.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => viewport.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => request(first, last), [request, first, last]);

  const setFilter = <K extends keyof typeof filters>(key: K, value: (typeof filters)[K]) =>
    setFilters((current) => ({ ...current, [key]: value, ...(key === 'county' ? { village: null } : {}) }));
  const toggle = workerSelection.toggle;
  const selectAll = async () => workerSelection.set(await workerDirectory().matchingIds(query));
  const filtered = deferredSearch.trim() !== '' || Object.values(filters).some((v) => v);

  const row = (worker: Worker | undefined) => {
    if (!worker) return null;
    return (
      <>
        <Checkbox
          aria-label={worker.name}
          checked={selected.has(worker.id)}
          onChange={() => toggle(worker.id)}
          onClick={(event) => event.stopPropagation()}
        />
        <Text size="sm" fw={500} truncate>
          {worker.name}
        </Text>
        <span>{t(`workers.gender.${worker.gender}`)}</span>
        <span>{ageOn(worker.birthDate, today)}</span>
        <span className={classes.mono}>{shownResidentId(worker.residentId)}</span>
        <span className={classes.mono}>{worker.phone}</span>
        <span>{worker.county}</span>
        <span>
          {worker.township} {worker.village}
        </span>
        {/* A cell too narrow for its text ends in "…": the whole text shows on hover. */}
        <span title={t(`workers.poverty.${worker.povertyStatus}`)}>{t(`workers.poverty.${worker.povertyStatus}`)}</span>
        <span title={t(`workers.status.${worker.status}`)}>{t(`workers.status.${worker.status}`)}</span>
        <span title={worker.enterpriseId ? enterpriseName.get(worker.enterpriseId) : undefined}>
          {worker.enterpriseId ? (enterpriseName.get(worker.enterpriseId) ?? '') : ''}
        </span>
      </>
    );
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2}>{t('workers.title')}</Title>
        <Group>
          <Button
            variant="default"
            leftSection={<IconFileImport size={18} />}
            onClick={() => void navigate('/workers/import')}
          >
            {t('workers.import')}
          </Button>
          <Menu>
            <Menu.Target>
              <Button variant="default" rightSection={<IconChevronDown size={16} />} disabled={!total}>
                {t('workers.export')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => void exportWorkers(query, 'xlsx', t, language)}>
                {t('workers.exportXlsx')}
              </Menu.Item>
              <Menu.Item onClick={() => void exportWorkers(query, 'csv', t, language)}>
                {t('workers.exportCsv')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
          <Button
            leftSection={<IconPlus size={18} />}
            onClick={() => void openWorkerForm({ t, onSaved: (w) => void navigate(`/workers/${w.id}`) })}
          >
            {t('workers.add')}
          </Button>
        </Group>
      </Group>
      <Group align="end" gap="xs">
        <TextInput
          aria-label={t('common.search')}
          placeholder={t('workers.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={340}
        />
        <Select
          aria-label={t('workers.filters.county')}
          placeholder={t('workers.filters.county')}
          data={facets?.counties ?? []}
          value={filters.county ?? null}
          onChange={(value) => setFilter('county', value)}
          clearable
          searchable
          w={150}
        />
        <Select
          aria-label={t('workers.filters.village')}
          placeholder={t('workers.filters.village')}
          data={filters.county ? (facets?.villages[filters.county] ?? []) : []}
          value={filters.village ?? null}
          onChange={(value) => setFilter('village', value)}
          disabled={!filters.county}
          clearable
          searchable
          w={140}
        />
        <Select
          aria-label={t('workers.filters.povertyStatus')}
          placeholder={t('workers.filters.povertyStatus')}
          data={POVERTY_STATUSES.map((value) => ({ value, label: t(`workers.poverty.${value}`) }))}
          value={filters.povertyStatus ?? null}
          onChange={(value) => setFilter('povertyStatus', value)}
          clearable
          w={170}
        />
        <Select
          aria-label={t('workers.filters.status')}
          placeholder={t('workers.filters.status')}
          data={WORKER_STATUSES.map((value) => ({ value, label: t(`workers.status.${value}`) }))}
          value={filters.status ?? null}
          onChange={(value) => setFilter('status', value)}
          clearable
          w={130}
        />
        <Select
          aria-label={t('workers.filters.enterprise')}
          placeholder={t('workers.filters.enterprise')}
          data={[
            { value: 'none', label: t('workers.filters.noEnterprise') },
            ...(enterprises ?? []).map((e) => ({ value: e.id, label: e.name })),
          ]}
          value={filters.enterpriseId ?? null}
          onChange={(value) => setFilter('enterpriseId', value)}
          clearable
          searchable
          w={220}
        />
      </Group>
      <Group gap="sm" mih={28}>
        {version === null ? (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              {t('workers.loadingDirectory')}
            </Text>
          </Group>
        ) : (
          <Text size="sm" c="dimmed" data-testid="worker-count">
            {t('workers.count', { count: total ?? 0 })}
          </Text>
        )}
        {selected.size > 0 && <Badge variant="light">{t('workers.selected', { count: selected.size })}</Badge>}
        {total !== null && total > 0 && (
          <Button size="compact-sm" variant="subtle" onClick={() => void selectAll()}>
            {t('workers.selectAll', { count: total })}
          </Button>
        )}
        {selected.size > 0 && (
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => openPlacementForm({ t, workerIds: [...selected], onDone: workerSelection.clear })}
          >
            {t('placement.action')}
          </Button>
        )}
        {selected.size > 0 && (
          <Button
            size="compact-sm"
            variant="light"
            onClick={() =>
              // Loaded on first use, like the placement form: the list opens without the batch screens.
              void import('../batches/add-passengers').then(({ openChooseBatch }) =>
                openChooseBatch({ t, workerIds: [...selected], onDone: workerSelection.clear }),
              )
            }
          >
            {t('batches.addTitle')}
          </Button>
        )}
        {selected.size > 0 && (
          <Button size="compact-sm" variant="subtle" color="gray" onClick={workerSelection.clear}>
            {t('workers.clearSelection')}
          </Button>
        )}
      </Group>
      {!loading && total === 0 ? (
        <Text c="dimmed" py="xl" ta="center">
          {filtered ? t('workers.empty') : t('workers.emptyAll')}
        </Text>
      ) : (
        <div className={classes.viewport} ref={viewport} role="table" aria-label={t('workers.title')}>
          <div className={`${classes.row} ${classes.header}`} role="row">
            <span />
            <SortHeader
              sortKey="name"
              query={query}
              onSort={(s, d) => setSort({ sort: s, descending: d })}
              label={t('workers.columns.name')}
            />
            <span>{t('workers.columns.gender')}</span>
            <SortHeader
              sortKey="age"
              query={query}
              onSort={(s, d) => setSort({ sort: s, descending: d })}
              label={t('workers.columns.age')}
            />
            <span>{t('workers.columns.residentId')}</span>
            <span>{t('workers.columns.phone')}</span>
            <SortHeader
              sortKey="county"
              query={query}
              onSort={(s, d) => setSort({ sort: s, descending: d })}
              label={t('workers.columns.county')}
            />
            <SortHeader
              sortKey="village"
              query={query}
              onSort={(s, d) => setSort({ sort: s, descending: d })}
              label={t('workers.columns.village')}
            />
            <span>{t('workers.columns.povertyStatus')}</span>
            <SortHeader
              sortKey="status"
              query={query}
              onSort={(s, d) => setSort({ sort: s, descending: d })}
              label={t('workers.columns.status')}
            />
            <span>{t('workers.columns.enterprise')}</span>
          </div>
          <div className={classes.body} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const worker = workerAt(item.index);
              return (
                <div
                  key={item.key}
                  role="row"
                  data-testid="worker-row"
                  data-selected={worker ? selected.has(worker.id) : false}
                  className={classes.row}
                  style={{ top: item.start, height: ROW_HEIGHT }}
                  onClick={() => worker && void navigate(`/workers/${worker.id}`)}
                >
                  {row(worker)}
                </div>
              );
            })}
          </div>
        </div>
      )}
    </Stack>
  );
}

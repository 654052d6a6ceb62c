import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Center, Group, Loader, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPhoneCall } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FollowUpFilter } from '@shared/followup';
import {
  dueCounts,
  dueFacets,
  dueList,
  groupDue,
  scheduleOfRow,
  type DueFacets,
  type DueGrouping,
  type DueRow,
} from '@shared/followup/due';
import {
  assignFollowUps,
  followUpRow,
  getSettings,
  latestFollowUpOf,
  useRepositoryQuery,
  type StoredContact,
} from '../../db';
import { notifyWriteFailure } from '../../components/write-failure';
import { useAddressParams } from '../../components/use-address-params';
import { RegisterExportButton } from './register/RegisterExportButton';
import { ContactForm } from './ContactForm';
import { DueFilters, NONE } from './DueFilters';
import { DueTable } from './DueTable';
import { useBeijingToday, useDesk } from './use-desk';

/** Rows drawn at first, and added by each "show more": the list of a large county runs to thousands. */
const PAGE_ROWS = 100;
/**
 * Rows drawn first, about a screenful: the rest of the first hundred follow a frame later, so that
 * the first rows are on the screen sooner (a table's layout grows with its rows).
 */
const FIRST_DRAWN = 25;

/** A count; `null` while it is being counted (shown as a dash, never as a 0 that is not true yet). */
function Figure({
  label,
  value,
  color,
  testId,
}: {
  label: string;
  value: number | null;
  color?: string;
  testId: string;
}) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={30} fw={700} c={color} data-testid={testId} aria-busy={value === null}>
        {value ?? '–'}
      </Text>
    </Paper>
  );
}

function typesText(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLTextAreaElement ||
    (target instanceof HTMLInputElement && !['radio', 'checkbox', 'button'].includes(target.type)) ||
    (target instanceof HTMLElement && target.isContentEditable)
  );
}

/**
 * The follow-up workspace (route `/followup`, issue 17, item 5, 跟踪服务): today's due and overdue
 * contacts, soonest first, filtered and grouped, with the day's counts; selected follow-ups are
 * assigned to a staff member. Keyboard first as the health station: N (or the big button) opens the
 * next person, a digit chooses the outcome, Enter saves and opens the next one, Esc closes.
 * `#/followup?worker=<id>` opens that worker's form.
 */
export function FollowUpPage() {
  const { t } = useTranslation();
  const today = useBeijingToday();
  const desk = useDesk(today, PAGE_ROWS);
  const settings = useRepositoryQuery(getSettings, []);
  const [params, changeParams] = useAddressParams();
  const [filter, setFilter] = useState<FollowUpFilter>({});
  const [grouping, setGrouping] = useState<DueGrouping>('none');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [assignee, setAssignee] = useState<string | null>(null);
  const [open, setOpen] = useState<DueRow | null>(null);
  const [opened, setOpened] = useState(0);
  const [shown, setShown] = useState(FIRST_DRAWN);
  const drawn = desk.data !== undefined;
  useEffect(() => {
    if (!drawn) return;
    const frame = requestAnimationFrame(() => setShown((count) => Math.max(count, PAGE_ROWS)));
    return () => cancelAnimationFrame(frame);
  }, [drawn]);
  const [lastSaved, setLastSaved] = useState<string | null>(null);
  const [notFound, setNotFound] = useState(false);
  const nextRef = useRef<HTMLButtonElement>(null);

  const rows = desk.data?.rows;
  // The same object while the values stay the same, so that the filters are not drawn again after each save.
  const facetsText = useMemo(() => JSON.stringify(dueFacets(rows ?? [])), [rows]);
  const facets = useMemo(() => JSON.parse(facetsText) as DueFacets, [facetsText]);
  const list = useMemo(() => dueList(rows ?? [], filter, today), [rows, filter, today]);
  const counts = useMemo(() => dueCounts(list, today), [list, today]);
  /** False while only the list's first rows are read: counts, filters and grouping wait for the rest. */
  const whole = desk.data?.whole ?? false;
  const visible = useMemo(() => list.slice(0, shown), [list, shown]);
  const groups = useMemo(() => groupDue(visible, grouping), [visible, grouping]);

  const openRow = useCallback((row: DueRow) => {
    setOpen(row);
    setOpened((count) => count + 1);
    setNotFound(false);
  }, []);

  // A link from a worker's page: open their form, due or not.
  const workerId = params.get('worker');
  useEffect(() => {
    if (!workerId) return;
    let current = true;
    void (async () => {
      const followUp = await latestFollowUpOf(workerId);
      const row = followUp ? await followUpRow(followUp.id) : null;
      if (!current) return;
      if (row) openRow(row);
      else setNotFound(true);
    })();
    return () => {
      current = false;
    };
  }, [workerId, openRow]);

  const loaded = desk.data !== undefined && settings !== undefined;
  useEffect(() => {
    if (open === null && loaded) nextRef.current?.focus();
  }, [open, loaded]);

  // N opens the next person from anywhere on the page but a text field, while no form is open.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (open !== null || event.ctrlKey || event.altKey || event.metaKey || typesText(event.target)) return;
      if (event.key === 'n' || event.key === 'N') {
        const first = list[0];
        if (first) {
          event.preventDefault();
          openRow(first);
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, list, openRow]);

  const changeFilter = useCallback((next: FollowUpFilter) => {
    setFilter(next);
    setShown(PAGE_ROWS);
  }, []);

  const select = useCallback((ids: readonly string[], on: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }, []);

  if (!loaded) {
    return (
      <Center p="xl">
        <Stack align="center">
          <Loader />
          <Text c="dimmed">{t('followup.desk.loading')}</Text>
        </Stack>
      </Center>
    );
  }

  const done = (stored: StoredContact | null) => {
    const current = open;
    if (workerId) {
      changeParams({ worker: null });
    }
    if (!stored || !current) {
      setOpen(null);
      return;
    }
    const saved = stored.contact;
    setLastSaved(t('followup.desk.lastSaved', { name: current.name, outcome: t(`followup.outcome.${saved.outcome}`) }));
    // The row as the save left it, drawn together with the next person's form.
    desk.put([{ ...current, ...scheduleOfRow(stored.followUp) }], saved.correctsId ? 0 : 1);
    // The next person: the one after this one in the list as it stood, or the first.
    const at = list.findIndex((row) => row.followUpId === current.followUpId);
    const next = (at >= 0 ? list.slice(at + 1) : list).find((row) => row.followUpId !== current.followUpId);
    if (next && !saved.correctsId) openRow(next);
    else setOpen(null);
  };

  const assign = async () => {
    if (assignee === null) return;
    const staffId = assignee === NONE ? null : assignee;
    const ids = [...selected];
    try {
      const changed = await assignFollowUps(ids, staffId);
      await desk.refresh(ids);
      setSelected(new Set());
      notifications.show({ color: 'teal', message: t('followup.desk.assign.done', { count: changed }) });
    } catch (error) {
      notifyWriteFailure(error, t, 'assigning follow-ups');
    }
  };

  const groupName = (key: string | null): string => {
    if (grouping === 'station') {
      return settings.liaisonStations.find((station) => station.id === key)?.name ?? t('followup.desk.noStation');
    }
    return facets.enterprises.find((enterprise) => enterprise.id === key)?.name ?? t('followup.desk.unknownEnterprise');
  };
  const empty = list.length === 0 && whole;

  return (
    <Stack gap="md" data-testid="follow-up-desk">
      <Group justify="space-between" align="flex-start">
        <Title order={2}>{t('followup.desk.title')}</Title>
        <Group>
          <RegisterExportButton filter={filter} />
          <Button
            ref={nextRef}
            size="md"
            leftSection={<IconPhoneCall size={20} />}
            disabled={empty}
            onClick={() => {
              const first = list[0];
              if (first) openRow(first);
            }}
            title={t('followup.desk.openNextKey')}
          >
            {t('followup.desk.openNext')}
          </Button>
        </Group>
      </Group>

      <SimpleGrid cols={3} maw={720}>
        <Figure label={t('followup.desk.counts.dueToday')} value={whole ? counts.dueToday : null} testId="count-due" />
        <Figure
          label={t('followup.desk.counts.overdue')}
          value={whole ? counts.overdue : null}
          color="red"
          testId="count-overdue"
        />
        <Figure
          label={t('followup.desk.counts.doneThisWeek')}
          value={desk.data ? desk.data.doneThisWeek : null}
          color="teal"
          testId="count-done"
        />
      </SimpleGrid>

      {notFound && (
        <Alert color="yellow" data-testid="worker-not-found">
          {t('followup.desk.notFound')}
        </Alert>
      )}
      {lastSaved && open === null && (
        <Alert color="teal" data-testid="last-saved">
          {lastSaved}
        </Alert>
      )}
      {open && <ContactForm row={open} opening={opened} settings={settings} today={today} onDone={done} />}

      <DueFilters
        filter={filter}
        onFilter={changeFilter}
        grouping={grouping}
        onGrouping={setGrouping}
        facets={facets}
        settings={settings}
        disabled={!whole}
      />

      {selected.size > 0 && (
        <Group gap="xs" data-testid="assign-bar">
          <Text fw={500}>{t('followup.desk.assign.selected', { count: selected.size })}</Text>
          {settings.staff.length === 0 ? (
            <Text c="dimmed">{t('followup.desk.assign.noStaff')}</Text>
          ) : (
            <>
              <Select
                aria-label={t('followup.desk.assign.to')}
                placeholder={t('followup.desk.assign.to')}
                data={[
                  ...settings.staff
                    .filter((member) => member.active)
                    .map((member) => ({ value: member.id, label: member.name })),
                  { value: NONE, label: t('followup.desk.assign.nobody') },
                ]}
                value={assignee}
                onChange={setAssignee}
                w={200}
              />
              <Button onClick={() => void assign()} disabled={assignee === null}>
                {t('followup.desk.assign.button')}
              </Button>
            </>
          )}
        </Group>
      )}

      {empty ? (
        <Text c="dimmed" data-testid="due-empty">
          {Object.keys(filter).length > 0 ? t('followup.desk.emptyFiltered') : t('followup.desk.empty')}
        </Text>
      ) : (
        <Stack gap="sm">
          {groups.map((group) => (
            <Stack key={group.key ?? NONE} gap={4}>
              {grouping !== 'none' && (
                <Title order={4} data-testid="due-group">
                  {t('followup.desk.groupTitle', { name: groupName(group.key), count: group.rows.length })}
                </Title>
              )}
              <DueTable
                rows={group.rows}
                today={today}
                settings={settings}
                selected={selected}
                onSelect={select}
                onOpen={openRow}
                openId={open?.followUpId ?? null}
              />
            </Stack>
          ))}
          {!whole && (
            <Group gap="xs" data-testid="due-loading-rest">
              <Loader size="xs" />
              <Text size="sm" c="dimmed">
                {t('followup.desk.loadingRest')}
              </Text>
            </Group>
          )}
          {whole && list.length > shown && (
            <Group>
              <Text size="sm" c="dimmed">
                {t('followup.desk.shown', { shown, total: list.length })}
              </Text>
              <Button variant="default" size="xs" onClick={() => setShown((count) => count + PAGE_ROWS * 5)}>
                {t('followup.desk.showMore', { count: Math.min(PAGE_ROWS * 5, list.length - shown) })}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Stack>
  );
}

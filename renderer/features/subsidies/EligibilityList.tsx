import { useMemo, useState } from 'react';
import { Alert, Badge, Button, Checkbox, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFilePlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CalendarDate, SubsidySchemeRecord } from '@shared/domain/records';
import { RecordRejectedError } from '@shared/domain/problems';
import { formatYuan } from '@shared/subsidy/money';
import { createClaims, type WorkerEligibility } from '../../db';
import { writeFailureMessage } from '../../components/write-failure';
import { logger } from '../../logger';
import { monthsOf, reasonsText } from './reasons';

/** Rows drawn at first, and added by each "show more": a large county's list runs to thousands. */
export const PAGE_ROWS = 100;

type State = WorkerEligibility['eligibility']['state'];
const STATES: readonly State[] = ['eligible', 'not-yet', 'not-eligible'];

/** Whether every instalment owed to this person is already claimed (a rejected claim does not count). */
function fullyClaimed(row: WorkerEligibility, scheme: SubsidySchemeRecord): boolean {
  const standing = row.claims.filter((claim) => claim.status !== 'rejected');
  if (standing.length === 0) return false;
  if (scheme.instalments.length === 0 || row.eligibility.state !== 'eligible') return true;
  return standing.length >= row.eligibility.instalments.filter((due) => due.owed).length;
}

/**
 * The handed-over people under a scheme as of today (Beijing), in three lists (eligible, not yet,
 * not eligible) with their counts; the reasons in words for the others. Eligible people are ticked
 * and their claims made at once; a refusal (someone already claimed for, not eligible …) is said in
 * words, person by person, and nothing is stored.
 */
export function EligibilityList({
  scheme,
  rows,
  today,
}: {
  scheme: SubsidySchemeRecord;
  rows: readonly WorkerEligibility[];
  today: CalendarDate;
}) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>('eligible');
  const [shown, setShown] = useState(PAGE_ROWS);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const byState = useMemo(() => {
    const lists: Record<State, WorkerEligibility[]> = { eligible: [], 'not-yet': [], 'not-eligible': [] };
    for (const row of rows) lists[row.eligibility.state].push(row);
    return lists;
  }, [rows]);
  const list = byState[state];
  const visible = useMemo(() => list.slice(0, shown), [list, shown]);
  const selectable = useMemo(
    () => byState.eligible.filter((row) => row.payee !== null && !fullyClaimed(row, scheme)),
    [byState, scheme],
  );
  const allSelected = selectable.length > 0 && selectable.every((row) => selected.has(row.workerId));

  const toggle = (workerId: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(workerId);
      else next.delete(workerId);
      return next;
    });

  const create = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      const ids = [...selected];
      await createClaims(scheme.id, ids, today);
      setSelected(new Set());
      notifications.show({ color: 'teal', message: t('subsidy.page.created', { count: ids.length }) });
    } catch (error) {
      if (!(error instanceof RecordRejectedError)) logger.error('creating claims failed', error);
      setRefusal(writeFailureMessage(error, t));
    } finally {
      setBusy(false);
    }
  };

  const amountOf = (row: WorkerEligibility): string => {
    if (row.eligibility.state === 'eligible') return formatYuan(row.eligibility.amountFen);
    if (row.eligibility.state === 'not-yet' && scheme.amountFen !== null) return formatYuan(scheme.amountFen);
    return '–';
  };

  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label={t('subsidy.page.views.eligibility')}
        value={state}
        onChange={(value) => {
          setState(value);
          setShown(PAGE_ROWS);
        }}
        data={STATES.map((value) => ({
          value,
          label: `${t(`subsidy.page.states.${value}`)} (${byState[value].length})`,
        }))}
        style={{ alignSelf: 'flex-start' }}
        data-testid="eligibility-states"
      />

      {state === 'eligible' && (
        <Group gap="sm">
          <Text fw={500} data-testid="selected-count">
            {t('subsidy.page.selected', { count: selected.size })}
          </Text>
          <Button
            leftSection={<IconFilePlus size={18} />}
            disabled={selected.size === 0}
            loading={busy}
            onClick={() => void create()}
          >
            {t('subsidy.page.createClaims')}
          </Button>
        </Group>
      )}
      {refusal && (
        <Alert color="red" withCloseButton onClose={() => setRefusal(null)} data-testid="claim-refusal">
          {refusal}
        </Alert>
      )}

      {list.length === 0 ? (
        <Text c="dimmed" data-testid="eligibility-empty">
          {t(`subsidy.page.empty.${state}`)}
        </Text>
      ) : (
        <Table striped highlightOnHover verticalSpacing={6} data-testid="eligibility-table">
          <Table.Thead>
            <Table.Tr>
              {state === 'eligible' && (
                <Table.Th w={40}>
                  <Checkbox
                    aria-label={t('subsidy.page.selectAll')}
                    checked={allSelected}
                    indeterminate={!allSelected && selected.size > 0}
                    disabled={selectable.length === 0}
                    onChange={(event) =>
                      setSelected(
                        event.currentTarget.checked ? new Set(selectable.map((row) => row.workerId)) : new Set(),
                      )
                    }
                  />
                </Table.Th>
              )}
              <Table.Th>{t('subsidy.page.columns.name')}</Table.Th>
              <Table.Th>{t('subsidy.page.columns.township')}</Table.Th>
              <Table.Th>{t('subsidy.page.columns.employer')}</Table.Th>
              <Table.Th ta="right">{t('subsidy.page.columns.months')}</Table.Th>
              <Table.Th ta="right">{t('subsidy.page.columns.amount')}</Table.Th>
              <Table.Th>
                {state === 'eligible' ? t('subsidy.page.columns.claimed') : t('subsidy.page.columns.reasons')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {visible.map((row) => {
              const months = monthsOf(row.eligibility);
              const latest = row.claims.filter((claim) => claim.status !== 'rejected').at(-1);
              return (
                <Table.Tr key={row.workerId} data-testid="eligibility-row" data-worker-id={row.workerId}>
                  {state === 'eligible' && (
                    <Table.Td>
                      <Checkbox
                        aria-label={t('subsidy.page.selectRow', { name: row.name })}
                        checked={selected.has(row.workerId)}
                        onChange={(event) => toggle(row.workerId, event.currentTarget.checked)}
                      />
                    </Table.Td>
                  )}
                  <Table.Td fw={500}>{row.name}</Table.Td>
                  <Table.Td>{row.township}</Table.Td>
                  <Table.Td>{row.employer}</Table.Td>
                  <Table.Td ta="right">
                    {months === null ? '–' : t('subsidy.page.monthsValue', { count: months })}
                  </Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {amountOf(row)}
                  </Table.Td>
                  <Table.Td data-testid="eligibility-reasons">
                    {state !== 'eligible' ? (
                      <Text size="sm">{reasonsText(row.eligibility, t)}</Text>
                    ) : latest ? (
                      <Badge variant="light" color="gray">
                        {t('subsidy.page.claimedAs', { status: latest.status })}
                      </Badge>
                    ) : row.payee === null ? (
                      <Badge variant="light" color="orange">
                        {t('subsidy.page.noPayee')}
                      </Badge>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {row.payee.name}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {list.length > shown && (
        <Group>
          <Text size="sm" c="dimmed">
            {t('subsidy.page.shown', { shown, total: list.length })}
          </Text>
          <Button variant="default" size="xs" onClick={() => setShown((count) => count + PAGE_ROWS * 5)}>
            {t('subsidy.page.showMore', { count: Math.min(PAGE_ROWS * 5, list.length - shown) })}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

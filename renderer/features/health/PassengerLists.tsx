import { memo, useRef } from 'react';
import { Badge, Button, Group, Stack, Tabs, Text, UnstyledButton } from '@mantine/core';
import { IconArrowsExchange, IconArmchairOff } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { Batch } from '@shared/domain/records';
import { formatTimestamp } from '@shared/dates';
import { formatTemperature, type HealthProgress, type PassengerHealthState } from '@shared/health';
import { STATION_LISTS, type StationList } from './ProgressFigures';
import { openMoveFailed, openUnseatFailed } from './failed-actions';
import { seatsText } from './station-text';
import type { StationRow } from './use-station';
import { shownResidentId } from '@shared/privacy/anonymise';
import { useLanguage } from '../../i18n/use-language';

/** The colour of each state; its word is always shown with it. */
export const STATE_COLOR: Readonly<Record<PassengerHealthState, string>> = {
  'not-checked': 'gray',
  passed: 'teal',
  failed: 'red',
  recheck: 'orange',
  expired: 'grape',
};

const ROW_HEIGHT = 58;

const IN_LIST: Readonly<Record<StationList, (state: PassengerHealthState) => boolean>> = {
  notChecked: (state) => state === 'not-checked',
  recheck: (state) => state === 'recheck',
  failed: (state) => state === 'failed',
  expired: (state) => state === 'expired',
  passed: (state) => state === 'passed',
  checked: (state) => state !== 'not-checked',
};

interface RowsProps {
  /** The passengers of the list. */
  rows: readonly StationRow[];
  /** Settings `checkValidityHours`, to say why a check expired. */
  validityHours: number;
  /** The batch, for seats as on the tickets. */
  batch: Pick<Batch, 'legs'>;
  /** Called with a passenger to check. */
  onOpen: (workerId: string) => void;
}

/** A long list (up to 1,200) drawn a screenful at a time. */
function Rows({ rows, validityHours, batch, onOpen }: RowsProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const viewport = useRef<HTMLDivElement>(null);
  // TanStack Virtual returns fresh functions each render by design.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => viewport.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  if (rows.length === 0) {
    return (
      <Text c="dimmed" fz={18} p="md">
        {t('health.lists.empty')}
      </Text>
    );
  }
  return (
    <div ref={viewport} style={{ height: 440, overflowY: 'auto' }}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          const { worker, assignment, health } = row;
          const seats = seatsText(assignment.seats, batch, language);
          const last = health.deciding;
          return (
            <UnstyledButton
              key={worker.id}
              data-testid="station-row"
              data-state={health.state}
              aria-label={t('health.lists.open', { name: worker.name })}
              onClick={() => onOpen(worker.id)}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                width: '100%',
                height: ROW_HEIGHT,
                transform: `translateY(${item.start}px)`,
                borderBottom: '1px solid var(--mantine-color-gray-3)',
              }}
              px="xs"
            >
              <Group gap="sm" wrap="nowrap" justify="space-between">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text fz={19} fw={700} truncate>
                    {worker.name}
                  </Text>
                  <Text fz={13} c="dimmed" truncate>
                    {[shownResidentId(worker.residentId), seats || t('health.form.noSeat')].join(' · ')}
                  </Text>
                </Stack>
                <Stack gap={0} align="flex-end" style={{ flexShrink: 0 }}>
                  <Badge size="lg" tt="none" variant="light" color={STATE_COLOR[health.state]}>
                    {t(`health.state.${health.state}`)}
                  </Badge>
                  {last && (
                    <Text fz={12} c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {health.state === 'expired' && health.window && health.window !== 'valid'
                        ? t(`health.expiredWhy.${health.window}`, { hours: validityHours })
                        : t('health.lists.lastCheck', {
                            at: formatTimestamp(last.checkedAt, language),
                            temperature: formatTemperature(last.temperatureC),
                          })}
                    </Text>
                  )}
                </Stack>
              </Group>
            </UnstyledButton>
          );
        })}
      </div>
    </div>
  );
}

interface PassengerListsProps {
  /** Every passenger of the batch with their state. */
  rows: readonly StationRow[];
  /** The batch's figures, for the tabs' counts. */
  progress: HealthProgress;
  /** Settings `checkValidityHours`, to say why a check expired. */
  validityHours: number;
  /** The batch, for seats and for the failed passengers' actions. */
  batch: Batch;
  /** False once the batch has departed: no actions. */
  editable: boolean;
  /** The list shown. */
  list: StationList;
  /** Called when another list is chosen. */
  onList: (list: StationList) => void;
  /** Called with a passenger to check. */
  onOpen: (workerId: string) => void;
}

/**
 * The passengers by state, one tab per figure: those not yet checked first. The failed list flags
 * them and offers the two actions: take them off the seat plan, and move them to a later batch.
 */
export const PassengerLists = memo(function PassengerLists({
  rows,
  progress,
  validityHours,
  batch,
  editable,
  list,
  onList,
  onOpen,
}: PassengerListsProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const shown = rows.filter((row) => IN_LIST[list](row.health.state));
  const failed = rows.filter((row) => row.health.state === 'failed');
  const seatedFailed = failed.filter((row) => row.assignment.seats.length > 0);
  return (
    <Tabs
      value={list}
      onChange={(value) => onList(STATION_LISTS.find((candidate) => candidate === value) ?? 'notChecked')}
      keepMounted={false}
    >
      <Tabs.List aria-label={t('health.lists.label')}>
        {STATION_LISTS.map((key) => (
          <Tabs.Tab key={key} value={key} fz={16} data-testid={`list-tab-${key}`}>
            {`${t(`health.progress.${key}`)} ${progress[key]}`}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {STATION_LISTS.map((key) => (
        <Tabs.Panel key={key} value={key} pt="xs" data-testid={`list-${key}`}>
          {key === 'failed' && failed.length > 0 && (
            <Stack gap="xs" mb="xs">
              <Text c="red.8" fw={600} data-testid="failed-flag">
                {t('health.lists.flagged')}
              </Text>
              {editable && (
                <Group gap="xs">
                  <Button
                    color="red"
                    variant="light"
                    size="md"
                    leftSection={<IconArmchairOff size={20} />}
                    disabled={seatedFailed.length === 0}
                    onClick={() => openUnseatFailed({ t, language, batchId: batch.id, rows: seatedFailed })}
                  >
                    {t('health.lists.unseatFailed', { count: seatedFailed.length })}
                  </Button>
                  <Button
                    variant="light"
                    size="md"
                    leftSection={<IconArrowsExchange size={20} />}
                    onClick={() => openMoveFailed({ t, batchId: batch.id, rows: failed })}
                  >
                    {t('health.lists.moveFailed', { count: failed.length })}
                  </Button>
                </Group>
              )}
            </Stack>
          )}
          <Rows rows={shown} validityHours={validityHours} batch={batch} onOpen={onOpen} />
        </Tabs.Panel>
      ))}
    </Tabs>
  );
});

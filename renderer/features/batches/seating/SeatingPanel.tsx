import { useState } from 'react';
import { Button, Checkbox, Group, Stack, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconWand } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Batch, Route } from '@shared/domain/records';
import { batchLoadFactor, type SeatAllocation } from '@shared/seating';
import {
  autoSeat,
  getBatch,
  getRoute,
  getSettings,
  isBatchLocked,
  legCapacities,
  listPassengers,
  useRepositoryQuery,
} from '@renderer/db';
import { notifyWriteFailure } from '@renderer/components/write-failure';
import { LegSeating } from './LegSeating';

interface SeatingPanelProps {
  /** The batch whose seats are shown and changed. */
  batchId: string;
}

/** A leg as people name it: 第2段 火车 百色站→广州南站 (Leg 2 Train 百色站→广州南站). */
function legTitle(t: TFunction, batch: Batch, route: Route | null, legId: string): string {
  const index = route?.legs.findIndex((leg) => leg.id === legId) ?? -1;
  const leg = route?.legs[index];
  if (leg === undefined) {
    return t('seating.legWithoutRoute', { n: batch.legs.findIndex((candidate) => candidate.legId === legId) + 1 });
  }
  return t('seating.leg', { n: index + 1, mode: t(`routes.modes.${leg.mode}`), from: leg.from, to: leg.to });
}

/**
 * The seat maps of a batch, leg by leg: seats needed and available at the load factor, automatic
 * seating of one leg or all of them (keeping current seats if asked) with what it could not do, and
 * the coordinator's swaps and moves on a map per vehicle. Read-only once the batch has departed.
 */
export function SeatingPanel({ batchId }: SeatingPanelProps) {
  const { t } = useTranslation();
  const batch = useRepositoryQuery(async () => (await getBatch(batchId)) ?? null, [batchId]);
  const routeId = batch?.routeId;
  const route = useRepositoryQuery(async () => (routeId ? ((await getRoute(routeId)) ?? null) : null), [routeId]);
  const passengers = useRepositoryQuery(() => listPassengers(batchId), [batchId]);
  const settings = useRepositoryQuery(() => getSettings(), []);
  const [chosenLeg, setChosenLeg] = useState<string | null>(null);
  const [keepCurrent, setKeepCurrent] = useState(true);
  const [outcomes, setOutcomes] = useState<ReadonlyMap<string, SeatAllocation>>(new Map());
  const [busy, setBusy] = useState(false);

  if (!batch || route === undefined || passengers === undefined || settings === undefined) return null;
  const { loadFactor, source: loadFactorSource } = batchLoadFactor(batch, settings.loadFactor);
  const editable = !batch.deletedAt && !isBatchLocked(batch.status);
  const capacities = new Map(legCapacities(batch, loadFactor).map(({ legId, capacity }) => [legId, capacity]));
  const legId = batch.legs.some((leg) => leg.legId === chosenLeg) ? chosenLeg : (batch.legs[0]?.legId ?? null);
  const titleOf = (id: string): string => legTitle(t, batch, route, id);

  const runAutoSeat = async (legIds?: readonly string[]): Promise<void> => {
    setBusy(true);
    try {
      const outcome = await autoSeat(batchId, { ...(legIds ? { legIds } : {}), keepCurrent });
      setOutcomes((previous) => {
        const next = new Map(previous);
        for (const leg of outcome.legs) next.set(leg.legId, leg.allocation);
        return next;
      });
      notifications.show({
        color: outcome.legs.some((leg) => leg.allocation.unseated.length > 0) ? 'orange' : 'teal',
        message: (
          <Stack gap={2}>
            {outcome.legs.map((leg) => (
              <Text key={leg.legId} size="sm">
                {t('seating.autoSeated', {
                  leg: titleOf(leg.legId),
                  seated: leg.allocation.seats.length,
                  unseated: leg.allocation.unseated.length,
                })}
              </Text>
            ))}
          </Stack>
        ),
      });
    } catch (error) {
      notifyWriteFailure(error, t, 'automatic seating');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="md" data-batch={batchId} data-editable={editable}>
      {passengers.length === 0 && <Text c="dimmed">{t('seating.noPassengers')}</Text>}
      {editable && (
        <Group justify="space-between" align="flex-start">
          <Checkbox
            label={t('seating.keepCurrent')}
            description={t('seating.keepCurrentHint')}
            checked={keepCurrent}
            onChange={(event) => setKeepCurrent(event.currentTarget.checked)}
          />
          <Button
            variant="light"
            leftSection={<IconWand size={16} />}
            loading={busy}
            disabled={passengers.length === 0 || batch.legs.length === 0}
            onClick={() => void runAutoSeat()}
          >
            {t('seating.autoSeatAll')}
          </Button>
        </Group>
      )}
      {legId !== null && (
        <Tabs value={legId} onChange={setChosenLeg} keepMounted={false} variant="pills">
          <Tabs.List aria-label={t('seating.legs')}>
            {batch.legs.map((leg) => (
              <Tabs.Tab key={leg.legId} value={leg.legId}>
                {titleOf(leg.legId)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {batch.legs.map((leg) => (
            <Tabs.Panel key={leg.legId} value={leg.legId} pt="md">
              <LegSeating
                batchId={batchId}
                leg={leg}
                legTitle={titleOf(leg.legId)}
                passengers={passengers}
                loadFactor={loadFactor}
                loadFactorSource={loadFactorSource}
                capacity={capacities.get(leg.legId) ?? 0}
                editable={editable}
                outcome={outcomes.get(leg.legId)}
                busy={busy}
                onAutoSeat={() => void runAutoSeat([leg.legId])}
              />
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </Stack>
  );
}

import { useState } from 'react';
import { Badge, Button, Card, Group, ScrollArea, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { UnseatedReason } from '@shared/seating';
import type { Passenger } from '@renderer/db';

/** More rows than a coordinator scrolls through: past this, the list asks for a name. */
const ROWS_SHOWN = 100;
/** From this many on, the list offers a name filter. */
const FILTER_FROM = 12;

interface UnseatedListProps {
  /** The passengers without a seat on the leg. */
  passengers: readonly Passenger[];
  /** Why the last automatic seating left a passenger out, by worker id. */
  reasons: ReadonlyMap<string, UnseatedReason>;
  /** The passenger picked up, or null. */
  pickedWorkerId: string | null;
  /** False while the batch can not be changed: passengers are listed, not picked up. */
  editable: boolean;
}

/**
 * The passengers of the leg who have no seat, with the reason the automatic seating gave. A
 * passenger is picked up with the button on their row (or dragged) and placed on a free seat; the
 * clicks and drags are handled by the page around it through `data-pick` and `data-worker`.
 */
export function UnseatedList({ passengers, reasons, pickedWorkerId, editable }: UnseatedListProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const wanted = query.trim();
  const matching = wanted === '' ? passengers : passengers.filter(({ worker }) => worker.name.includes(wanted));
  const shown = matching.slice(0, ROWS_SHOWN);

  return (
    <Card withBorder data-testid="unseated-list">
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('seating.unseatedTitle', { count: passengers.length })}</Title>
        {passengers.length >= FILTER_FROM && (
          <TextInput
            size="xs"
            leftSection={<IconSearch size={14} />}
            placeholder={t('seating.findUnseated')}
            aria-label={t('seating.findUnseated')}
            value={query}
            onChange={(event) => setQuery(event.currentTarget.value)}
          />
        )}
      </Group>
      {passengers.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('seating.allSeated')}
        </Text>
      ) : (
        <ScrollArea.Autosize mah={220}>
          <Stack gap={4}>
            {shown.map(({ worker, enterprise }) => {
              const reason = reasons.get(worker.id);
              const picked = pickedWorkerId === worker.id;
              return (
                <Group
                  key={worker.id}
                  gap="sm"
                  wrap="nowrap"
                  draggable={editable}
                  data-worker={worker.id}
                  data-picked={picked || undefined}
                  data-testid="unseated-passenger"
                >
                  {editable ? (
                    <Button
                      size="compact-sm"
                      variant={picked ? 'filled' : 'light'}
                      aria-pressed={picked}
                      aria-label={t('seating.pickUp', { name: worker.name })}
                      data-pick={worker.id}
                    >
                      {worker.name}
                    </Button>
                  ) : (
                    <Text size="sm" fw={500}>
                      {worker.name}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed" truncate>
                    {[`${worker.county}${worker.township}${worker.village}`, enterprise?.name ?? ''].join(' · ')}
                  </Text>
                  {reason !== undefined && (
                    <Badge variant="light" color="orange" tt="none" style={{ flexShrink: 0 }}>
                      {t(`seating.unseated.${reason}`)}
                    </Badge>
                  )}
                </Group>
              );
            })}
            {matching.length > shown.length && (
              <Text size="xs" c="dimmed">
                {t('seating.moreUnseated', { count: matching.length - shown.length })}
              </Text>
            )}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Card>
  );
}

import { Alert, Button, Card, Group, SimpleGrid, Text } from '@mantine/core';
import { IconAlertTriangle, IconWand } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LoadFactorSource } from '@shared/seating';

interface LegSeatsSummaryProps {
  /** Passengers of the batch: each needs a seat on the leg. */
  needed: number;
  /** Seats passengers may take on the leg at the load factor. */
  capacity: number;
  /** The batch's load factor (its own or the Settings value), in (0, 1]. */
  loadFactor: number;
  /** Whether the batch has its own load factor or runs at the Settings value. */
  loadFactorSource?: LoadFactorSource;
  /** Passengers with a seat on the leg. */
  seated: number;
  /** Vehicles on the leg. */
  vehicleCount: number;
  /** False once the batch has departed or is deleted: no automatic seating. */
  editable: boolean;
  /** True while an automatic seating runs. */
  busy: boolean;
  /** Runs the automatic seating of this leg. */
  onAutoSeat: () => void;
}

/** Seats needed against seats available at the load factor, who is seated, and the automatic seating. */
export function LegSeatsSummary({
  needed,
  capacity,
  loadFactor,
  loadFactorSource = 'settings',
  seated,
  vehicleCount,
  editable,
  busy,
  onAutoSeat,
}: LegSeatsSummaryProps) {
  const { t } = useTranslation();
  const percent = Math.round(loadFactor * 100);
  const short = needed - capacity;
  return (
    <Card withBorder>
      <Group justify="space-between" align="flex-start">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="lg" style={{ flex: 1 }}>
          <Figure label={t('seating.needed')} value={needed} testId="seats-needed" />
          <Figure
            label={t('seating.available')}
            value={capacity}
            hint={t(loadFactorSource === 'batch' ? 'seating.loadFactorBatch' : 'seating.loadFactor', { percent })}
            testId="seats-available"
            warn={short > 0}
          />
          <Figure label={t('seating.seated')} value={seated} testId="seats-seated" />
          <Figure label={t('seating.notSeated')} value={needed - seated} testId="seats-unseated" />
        </SimpleGrid>
        {editable && (
          <Button
            leftSection={<IconWand size={16} />}
            onClick={onAutoSeat}
            loading={busy}
            disabled={vehicleCount === 0 || needed === 0}
          >
            {t('seating.autoSeatLeg')}
          </Button>
        )}
      </Group>
      {short > 0 && (
        <Alert
          mt="md"
          color="red"
          icon={<IconAlertTriangle size={18} />}
          title={t('seating.shortTitle')}
          data-testid="seats-short"
        >
          {t('seating.short', { passengers: needed, capacity, percent, short })}
        </Alert>
      )}
      {vehicleCount === 0 && (
        <Text mt="md" c="dimmed">
          {t('seating.noVehicles')}
        </Text>
      )}
    </Card>
  );
}

/** One figure of the leg's summary. */
function Figure({
  label,
  value,
  hint,
  testId,
  warn = false,
}: {
  /** What is counted. */
  label: string;
  /** The count. */
  value: number;
  /** A line under the count; none by default. */
  hint?: string;
  /** `data-testid` of the figure. */
  testId: string;
  /** Shows the count in red: not enough; false by default. */
  warn?: boolean;
}) {
  return (
    <div data-testid={testId} data-warn={warn || undefined}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} c={warn ? 'red' : undefined}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </div>
  );
}

import { Alert, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { HealthCheck } from '@shared/domain/records';
import { addMinutesToTimestamp, beijingClockTime } from '@shared/dates';
import { firstReadingOf, formatTemperature } from '@shared/health';

interface RecheckNoticeProps {
  /** The check waiting for its second reading, which the form completes. */
  pending: HealthCheck;
  /** Minutes after the first reading from which the second one counts. */
  recheckIntervalMinutes: number;
}

/** Says that this check is the recheck: the first reading, when it was taken, and from when the second counts. */
export function RecheckNotice({ pending, recheckIntervalMinutes }: RecheckNoticeProps) {
  const { t } = useTranslation();
  const first = firstReadingOf(pending);
  return (
    <Alert color="orange" icon={<IconAlertTriangle size={24} />} data-testid="pending-recheck">
      <Text fz={18}>
        {t('health.form.pendingRecheck', {
          temperature: formatTemperature(first.temperatureC),
          at: beijingClockTime(first.at),
          from: beijingClockTime(addMinutesToTimestamp(first.at, recheckIntervalMinutes)),
        })}
      </Text>
    </Alert>
  );
}

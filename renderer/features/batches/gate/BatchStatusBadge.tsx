import { Badge, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Batch, BatchStatus } from '@shared/domain/records';
import { formatTimestamp } from '@shared/dates';
import { useLanguage } from '@renderer/i18n/use-language';

/** One colour per status, so a list of batches reads at a glance; the status name is always written too. */
const STATUS_COLORS: Readonly<Record<BatchStatus, string>> = {
  draft: 'gray',
  planned: 'blue',
  ready: 'teal',
  departed: 'indigo',
  arrived: 'cyan',
  'handed-over': 'green',
  closed: 'dark',
};

interface BatchStatusBadgeProps {
  /** The batch whose status (and any forced step) is shown. */
  batch: Pick<Batch, 'status' | 'overrides'>;
}

/**
 * A batch's status, marked wherever the batch is shown when a step was forced past the gate: the
 * "强制" marker lists each override's reason in its tooltip (on hover and on keyboard focus) and in
 * its accessible name.
 */
export function BatchStatusBadge({ batch }: BatchStatusBadgeProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const status = (value: BatchStatus) => t(`batches.status.${value}`);
  const lines = batch.overrides.map((override) =>
    t('gate.badge.tooltipLine', {
      from: status(override.from),
      to: status(override.to),
      reason: override.reason,
      by: override.by,
      at: formatTimestamp(override.at, language),
    }),
  );
  return (
    <Group gap={6} wrap="nowrap" component="span" display="inline-flex">
      <Badge color={STATUS_COLORS[batch.status]} variant="light" data-status={batch.status}>
        {status(batch.status)}
      </Badge>
      {lines.length > 0 && (
        <Tooltip
          multiline
          w={360}
          withArrow
          events={{ hover: true, focus: true, touch: true }}
          label={
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {t('gate.badge.forcedLabel', { count: lines.length })}
              </Text>
              {lines.map((line, index) => (
                <Text size="sm" key={index}>
                  {line}
                </Text>
              ))}
            </Stack>
          }
        >
          <Badge
            color="orange"
            variant="filled"
            leftSection={<IconAlertTriangle size={12} aria-hidden />}
            data-forced="true"
            data-testid="batch-forced"
            role="note"
            tabIndex={0}
            aria-label={[t('gate.badge.forcedLabel', { count: lines.length }), ...lines].join(
              language === 'en' ? '; ' : '；',
            )}
          >
            {t('gate.badge.forced')}
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}

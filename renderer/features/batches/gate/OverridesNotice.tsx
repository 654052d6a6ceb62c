import { Alert, Box, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatTimestamp } from '@shared/dates';
import type { BatchStatus, Language, StatusOverride } from '@shared/domain/records';
import { itemList } from './gate-text';

interface OverridesNoticeProps {
  /** The batch's forced steps, oldest first. */
  overrides: readonly StatusOverride[];
  /** The user's language, for item labels and times. */
  language: Language;
}

/** Every step forced past the gate, with who forced it, when, why, and what was open then. */
export function OverridesNotice({ overrides, language }: OverridesNoticeProps) {
  const { t } = useTranslation();
  const status = (value: BatchStatus) => t(`batches.status.${value}`);
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlertTriangle size={20} />}
      title={t('gate.overrides.title', { count: overrides.length })}
      data-testid="batch-overrides"
    >
      <Stack gap="sm">
        {overrides.map((override, index) => (
          <Box key={index} data-testid="batch-override">
            <Group gap="xs">
              <Text size="sm" fw={700}>
                {t('gate.overrides.step', { from: status(override.from), to: status(override.to) })}
              </Text>
              <Text size="sm">
                {t('gate.overrides.byAt', { by: override.by, at: formatTimestamp(override.at, language) })}
              </Text>
            </Group>
            <Text size="sm">{t('gate.overrides.reason', { reason: override.reason })}</Text>
            <Text size="sm" c="dimmed">
              {override.unmet.length > 0
                ? t('gate.overrides.unmet', {
                    items: itemList(override.unmet, language),
                  })
                : t('gate.overrides.none')}
            </Text>
          </Box>
        ))}
      </Stack>
    </Alert>
  );
}

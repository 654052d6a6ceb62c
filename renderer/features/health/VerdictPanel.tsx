import { Group, List, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconClockHour4, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { HealthVerdict } from '@shared/domain/records';
import type { Judgement } from '@shared/health';
import { verdictReasonMessage } from './station-text';
import { useLanguage } from '../../i18n/use-language';

/** Colour and icon of each verdict; the verdict's word is always shown beside them. */
export const VERDICT_LOOK = {
  pass: { color: 'teal', Icon: IconCircleCheck },
  fail: { color: 'red', Icon: IconAlertTriangle },
  recheck: { color: 'orange', Icon: IconClockHour4 },
} as const satisfies Record<HealthVerdict, unknown>;

interface VerdictPanelProps {
  /** The verdict to show, or null while the form has no valid temperature yet. */
  judgement: Judgement | null;
  /** `large` in the check form (default), `compact` for the line of the check just saved. */
  size?: 'large' | 'compact';
  /** Shown before the verdict in compact size: whose check it is, with temperature and time. */
  caption?: string;
}

/**
 * A verdict, big, in colour and in words with an icon, never colour alone: pass, fail or recheck,
 * with every reason below it. Readable from a step away, with gloves on.
 */
export function VerdictPanel({ judgement, size = 'large', caption }: VerdictPanelProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const large = size === 'large';
  if (judgement === null) {
    return (
      <Paper withBorder p="md" radius="md" data-testid="verdict" data-verdict="pending" aria-live="polite">
        <Group gap="sm">
          <IconPencil size={large ? 36 : 24} />
          <Text fz={large ? 28 : 20} fw={700} c="dimmed">
            {t('health.verdict.pending')}
          </Text>
        </Group>
      </Paper>
    );
  }
  const { color, Icon } = VERDICT_LOOK[judgement.verdict];
  return (
    <Paper
      p="md"
      radius="md"
      bg={`${color}.7`}
      c="white"
      data-testid={large ? 'verdict' : 'last-saved'}
      data-verdict={judgement.verdict}
      aria-live="polite"
      aria-label={t(large ? 'health.verdict.label' : 'health.lastSaved.label')}
    >
      <Stack gap={large ? 'xs' : 4}>
        <Group gap="md" wrap="nowrap">
          <Icon size={large ? 56 : 36} stroke={2.2} />
          <Text fz={large ? 48 : 30} fw={800} lh={1.1} data-testid="verdict-word">
            {t(`health.verdict.${judgement.verdict}`)}
          </Text>
          {caption && (
            <Text fz={large ? 24 : 20} fw={600} data-testid="verdict-caption">
              {caption}
            </Text>
          )}
        </Group>
        {judgement.reasons.length > 0 && (
          <List fz={large ? 20 : 17} c="white" spacing={2}>
            {judgement.reasons.map((reason) => (
              <List.Item key={reason.code} data-reason={reason.code}>
                {verdictReasonMessage(reason, t, language)}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * An enterprise's retention of the workers handed over to it (issue 17, item 4): how many are still
 * in post, changed job, left, returned home or not reached yet, and how many reached the 1-, 3- and
 * 6-month thresholds of the employment subsidies there (renderer/db/repositories/retention.ts).
 */
import { Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RETENTION_THRESHOLDS, enterpriseRetention, useRepositoryQuery, type RetentionState } from '../../db';

const STATES: readonly RetentionState[] = ['in-post', 'changed-job', 'left', 'returned-home', 'not-reached'];

function Figure({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={600}>
        {value}
      </Text>
    </div>
  );
}

export function EnterpriseRetention({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const retention = useRepositoryQuery(() => enterpriseRetention(enterpriseId), [enterpriseId]);
  if (!retention) return null;
  return (
    <Card withBorder data-testid="enterprise-retention">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('timeline.retention.title')}</Title>
      </Group>
      {retention.handedOver === 0 ? (
        <Text c="dimmed" size="sm">
          {t('timeline.retention.empty')}
        </Text>
      ) : (
        <>
          <SimpleGrid cols={{ base: 3, md: 6 }} spacing="md">
            <Figure
              label={t('timeline.retention.handedOver')}
              value={retention.handedOver}
              testId="retention-handed-over"
            />
            {STATES.map((state) => (
              <Figure
                key={state}
                label={t(`timeline.retention.states.${state}`)}
                value={retention.states[state]}
                testId={`retention-${state}`}
              />
            ))}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 3 }} spacing="md" mt="md">
            {RETENTION_THRESHOLDS.map((months) => (
              <Figure
                key={months}
                label={t('timeline.retention.reached', { count: months })}
                value={retention.reached[months]}
                testId={`retention-reached-${months}`}
              />
            ))}
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt="xs">
            {t('timeline.retention.reachedHint')}
          </Text>
        </>
      )}
    </Card>
  );
}

import { Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, Language } from '../../shared/domain/records';
import { formatTimestamp } from '../../shared/dates';

interface ChangeHistoryProps {
  /** The record's audit entries, oldest first; nothing is shown while undefined or empty. */
  entries: readonly AuditEntry[] | undefined;
}

/** Who changed a record, when, and how: the audit trail of one record. */
export function ChangeHistory({ entries }: ChangeHistoryProps) {
  const { t, i18n } = useTranslation();
  if (!entries || entries.length === 0) return null;
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('common.history')}
      </Title>
      <Stack gap={4}>
        {entries.map((entry) => (
          <Text size="sm" key={entry.id}>
            {formatTimestamp(entry.at, i18n.language as Language)} · {entry.operator || '—'} ·{' '}
            {t(`audit.actions.${entry.action}`)}
          </Text>
        ))}
      </Stack>
    </Card>
  );
}

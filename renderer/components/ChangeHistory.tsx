import { Card, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, Language } from '../../shared/domain/records';
import { formatTimestamp } from '../../shared/dates';

interface ChangeHistoryProps {
  /** The record's audit entries, oldest first; nothing is shown while undefined or empty. */
  entries: readonly AuditEntry[] | undefined;
}

/** The document a `print` row names (its `after.document`), or null for a row of another shape. */
function printedDocument(entry: AuditEntry): string | null {
  const after: unknown = entry.after;
  if (typeof after !== 'object' || after === null || !('document' in after)) return null;
  return typeof after.document === 'string' ? after.document : null;
}

/** What happened, in words: a print of full numbers names its document and purpose (issue 6). */
function actionText(entry: AuditEntry, t: TFunction): string {
  if (entry.action !== 'print') return t(`audit.actions.${entry.action}`);
  const document = printedDocument(entry);
  const text = t('documents.audit.print', { document: document ? t(`documents.documents.${document}`) : '' });
  return entry.reason ? `${text} · ${t('documents.audit.reason', { reason: entry.reason })}` : text;
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
          <Text size="sm" key={entry.id} data-action={entry.action}>
            {formatTimestamp(entry.at, i18n.language as Language)} · {entry.operator || '—'} · {actionText(entry, t)}
          </Text>
        ))}
      </Stack>
    </Card>
  );
}

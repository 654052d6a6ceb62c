import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { AuditEntry } from '@shared/domain/records';
import { formatTimestamp } from '@shared/dates';
import { auditPathOf, changeSummary } from './audit-changes';
import { useAuditReading } from './use-audit-reading';
import { useLanguage } from '../i18n/use-language';
import { recordNames, useRepositoryQuery } from '../db';

interface ChangeHistoryProps {
  /** The record's audit entries, oldest first; nothing is shown while undefined, and a line saying so when empty. */
  entries: readonly AuditEntry[] | undefined;
  /** The record's table: with `recordId`, a link opens the audit page on this record's entries. Default: no link. */
  table?: string;
  /** The record's id, for that link. */
  recordId?: string;
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

/** Whether a row's fields say more than its action: changes of a record, not a print or an export. */
function showsChanges(entry: AuditEntry): boolean {
  return entry.action === 'update' || entry.action === 'restore';
}

/** Who changed a record, when, and how (the fields a change touched): the audit trail of one record. */
export function ChangeHistory({ entries, table, recordId }: ChangeHistoryProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  // The names of the records the changes refer to (a batch, an enterprise), so no id is shown.
  const names = useRepositoryQuery(() => recordNames(entries ?? []), [entries]);
  const reading = useAuditReading(names);
  if (!entries) return null;
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('common.history')}</Title>
        {table && recordId && (
          <Anchor component={Link} to={auditPathOf(table, recordId)} size="sm">
            {t('audit.history.viewAll')}
          </Anchor>
        )}
      </Group>
      <Stack gap={4}>
        {entries.length === 0 && (
          <Text size="sm" c="dimmed" data-testid="history-empty">
            {t('audit.history.empty')}
          </Text>
        )}
        {entries.map((entry) => (
          <div key={entry.id} data-action={entry.action}>
            <Text size="sm">
              {formatTimestamp(entry.at, language)} · {entry.operator || '—'} · {actionText(entry, t)}
            </Text>
            {showsChanges(entry) && (
              <Text size="xs" c="dimmed" pl="md" lineClamp={2} data-testid="history-changes">
                {changeSummary(entry, reading)}
              </Text>
            )}
          </div>
        ))}
      </Stack>
    </Card>
  );
}

import { Anchor, Badge, Button, Group, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { AuditEntry } from '@shared/domain/records';
import { formatTimestamp } from '@shared/dates';
import {
  changeValues,
  fieldChanges,
  fieldLabel,
  recordLabel,
  recordPath,
  type AuditReading,
} from '../../components/audit-changes';
import { operatorLabel, tableLabel } from './audit-labels';
import classes from './AuditPage.module.css';
import { useLanguage } from '../../i18n/use-language';

interface AuditEntryModalProps {
  /** The entry shown; the modal is closed while null. */
  entry: AuditEntry | null;
  /** The texts and the names of the records the trail refers to. */
  reading: AuditReading;
  /** Closes the modal. */
  onClose: () => void;
  /** Filters the page to the entry's record. */
  onFilterRecord: (table: string, recordId: string) => void;
}

/** One audit entry in full: who, when, what, every field before and after, its hash. */
export function AuditEntryModal({ entry, reading, onClose, onFilterRecord }: AuditEntryModalProps) {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const path = entry ? recordPath(entry.table, entry.recordId) : null;
  const changes = entry ? fieldChanges(entry) : [];
  return (
    <Modal
      opened={entry !== null}
      onClose={onClose}
      size="xl"
      title={entry ? t('audit.detail.title', { seq: entry.seq }) : ''}
      scrollAreaComponent={ScrollArea.Autosize}
    >
      {entry && (
        <Stack gap="sm" data-testid="audit-entry" data-seq={entry.seq}>
          <Group gap="xs">
            <Badge variant="light">{t(`audit.actions.${entry.action}`)}</Badge>
            <Text size="sm">
              {formatTimestamp(entry.at, language)} · {operatorLabel(entry.operator, t)} ·{' '}
              {tableLabel(entry.table, t, i18n)} · {recordLabel(entry, reading)}
            </Text>
          </Group>
          {entry.reason && <Text size="sm">{t('audit.detail.reason', { reason: entry.reason })}</Text>}
          {entry.redaction && (
            <Text size="sm" c="orange.8">
              {t('audit.detail.redactedAt', { at: formatTimestamp(entry.redaction.at, language) })}
            </Text>
          )}
          {changes.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('audit.changes.none')}
            </Text>
          ) : (
            <Table striped withTableBorder fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('audit.detail.field')}</Table.Th>
                  <Table.Th>{t('audit.detail.before')}</Table.Th>
                  <Table.Th>{t('audit.detail.after')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {changes.map((change) => {
                  const values = changeValues(entry.table, change, reading);
                  return (
                    <Table.Tr key={change.field}>
                      <Table.Td>{fieldLabel(entry.table, change.field, reading)}</Table.Td>
                      <Table.Td>{values.before}</Table.Td>
                      <Table.Td>{values.after}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )}
          <Text size="xs" c="dimmed" className={classes.mono}>
            {t('audit.detail.hash')}: {entry.hash ?? t('audit.detail.noHash')}
          </Text>
          <Group justify="flex-end">
            {path && (
              <Anchor component={Link} to={path} size="sm" onClick={onClose}>
                {t('audit.detail.openRecord')}
              </Anchor>
            )}
            <Button variant="default" size="xs" onClick={() => onFilterRecord(entry.table, entry.recordId)}>
              {t('audit.detail.filterRecord')}
            </Button>
            <Button size="xs" onClick={onClose}>
              {t('audit.detail.close')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

import { memo } from 'react';
import { Anchor, Badge, Checkbox, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CalendarDate, Settings } from '@shared/domain/records';
import { daysOverdue, dueReason, type DueReason, type DueRow } from '@shared/followup/due';
import type { TFunction } from 'i18next';

/** How a row's contact point reads: day 30, day 30 (try again), asked for. */
export function reasonText(reason: DueReason, t: TFunction): string {
  if (reason.kind === 'point') return t('followup.desk.point.point', { day: reason.day });
  if (reason.kind === 'retry') {
    return reason.day === null
      ? t('followup.desk.point.retryNoDay')
      : t('followup.desk.point.retry', { day: reason.day });
  }
  return t('followup.desk.point.asked');
}

interface DueTableProps {
  rows: readonly DueRow[];
  today: CalendarDate;
  settings: Pick<Settings, 'staff' | 'contactDays'>;
  selected: ReadonlySet<string>;
  onSelect: (followUpIds: readonly string[], on: boolean) => void;
  onOpen: (row: DueRow) => void;
  /** The follow-up whose form is open: its row is marked. */
  openId: string | null;
}

interface DueTableRowProps {
  row: DueRow;
  today: CalendarDate;
  contactDays: readonly number[];
  /** The name of the staff member it is assigned to; null when no one. */
  staffName: string | null;
  selected: boolean;
  open: boolean;
  onSelect: (followUpIds: readonly string[], on: boolean) => void;
  onOpen: (row: DueRow) => void;
}

/**
 * One row, drawn again only when what it shows changes: after a contact is saved, one row leaves
 * the list and two change their mark, and the hundred others stay as they are (the save is timed,
 * issue 17).
 */
const DueTableRow = memo(function DueTableRow({
  row,
  today,
  contactDays,
  staffName,
  selected,
  open,
  onSelect,
  onOpen,
}: DueTableRowProps) {
  const { t } = useTranslation();
  const late = row.nextDue === null ? 0 : daysOverdue(row.nextDue, today);
  return (
    <Table.Tr
      data-testid="due-row"
      data-follow-up-id={row.followUpId}
      data-open={open}
      bg={open ? 'var(--mantine-color-blue-light)' : undefined}
    >
      <Table.Td>
        <Checkbox
          aria-label={t('followup.desk.columns.select')}
          checked={selected}
          onChange={(event) => onSelect([row.followUpId], event.currentTarget.checked)}
        />
      </Table.Td>
      <Table.Td>
        <Anchor component="button" type="button" fw={500} onClick={() => onOpen(row)}>
          {row.name}
        </Anchor>
      </Table.Td>
      <Table.Td>{[row.township, row.village].filter(Boolean).join(' ')}</Table.Td>
      <Table.Td ff="monospace">{row.phone}</Table.Td>
      <Table.Td>{row.enterpriseName || t('followup.desk.unknownEnterprise')}</Table.Td>
      <Table.Td>{row.batchName}</Table.Td>
      <Table.Td>{reasonText(dueReason(row, contactDays), t)}</Table.Td>
      <Table.Td>
        {late > 0 ? (
          <Text span c="red.8" size="sm" fw={600}>
            {t('followup.desk.overdueDays', { count: late })}
          </Text>
        ) : (
          <Badge color="blue" variant="light" tt="none">
            {t('followup.desk.dueToday')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        {row.lastOutcome ? (
          t(`followup.outcome.${row.lastOutcome}`)
        ) : (
          <Text span c="dimmed" size="sm">
            {t('followup.desk.filters.noContact')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {staffName ?? (
          <Text span c="dimmed" size="sm">
            {t('followup.desk.unassigned')}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
});

/** One group of the due list: who, where, which point, how late, the last outcome and who calls. */
export const DueTable = memo(function DueTable({
  rows,
  today,
  settings,
  selected,
  onSelect,
  onOpen,
  openId,
}: DueTableProps) {
  const { t } = useTranslation();
  const staffName = new Map(settings.staff.map((member) => [member.id, member.name]));
  const allSelected = rows.length > 0 && rows.every((row) => selected.has(row.followUpId));
  return (
    <Table striped highlightOnHover verticalSpacing={6} data-testid="due-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={36}>
            <Checkbox
              aria-label={t('followup.desk.assign.selectAll')}
              checked={allSelected}
              onChange={(event) =>
                onSelect(
                  rows.map((row) => row.followUpId),
                  event.currentTarget.checked,
                )
              }
            />
          </Table.Th>
          <Table.Th>{t('followup.desk.columns.name')}</Table.Th>
          <Table.Th>{t('followup.desk.columns.village')}</Table.Th>
          <Table.Th>{t('followup.desk.columns.phone')}</Table.Th>
          <Table.Th>{t('followup.desk.columns.enterprise')}</Table.Th>
          <Table.Th>{t('followup.desk.columns.batch')}</Table.Th>
          <Table.Th>{t('followup.desk.columns.point')}</Table.Th>
          <Table.Th>{t('followup.desk.columns.due')}</Table.Th>
          <Table.Th>{t('followup.desk.columns.lastOutcome')}</Table.Th>
          <Table.Th>{t('followup.desk.columns.staff')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <DueTableRow
            key={row.followUpId}
            row={row}
            today={today}
            contactDays={settings.contactDays}
            staffName={(row.staffId && staffName.get(row.staffId)) || null}
            selected={selected.has(row.followUpId)}
            open={row.followUpId === openId}
            onSelect={onSelect}
            onOpen={onOpen}
          />
        ))}
      </Table.Tbody>
    </Table>
  );
});

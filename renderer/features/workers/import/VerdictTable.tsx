import { useEffect, useState } from 'react';
import { Badge, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  ROSTER_FIELDS,
  type ColumnMapping,
  type RosterField,
  type RosterRowStatus,
  type RosterRowVerdict,
} from '@shared/roster';
import { problemMessage } from '@renderer/components/field-problems';
import { changeText, problemText } from './roster-texts';
import type { RosterImportSession } from './use-roster-import';

/** Rows of the preview shown at first, and added by each "show more": a short first page keeps the preview quick to appear. */
const PREVIEW_ROWS = 50;

const STATUS_COLOR: Record<RosterRowStatus, string> = { valid: 'teal', warning: 'yellow', error: 'red' };

/** The checked rows with their verdicts and reasons, a page at a time, all or only those with problems. */
export function VerdictTable(props: {
  /** The session holding the checked rows. */
  session: RosterImportSession;
  /** The file's column headers, to show the name and ID of each row. */
  mapping: ColumnMapping;
}) {
  const { t } = useTranslation();
  const [show, setShow] = useState<'all' | 'error' | 'warning' | 'changed'>('all');
  const [rows, setRows] = useState<{ total: number; rows: RosterRowVerdict[] } | null>(null);
  const [limit, setLimit] = useState(PREVIEW_ROWS);
  useEffect(() => {
    const statuses: RosterRowStatus[] = show === 'all' || show === 'changed' ? ['valid', 'warning', 'error'] : [show];
    void props.session.api.verdicts(statuses, 0, limit, show === 'changed').then(setRows);
  }, [props.session, show, limit]);
  const fields = ROSTER_FIELDS.filter((field) => props.mapping[field] !== undefined);
  const cell = (verdict: RosterRowVerdict, field: RosterField) => {
    const column = props.mapping[field];
    return column === undefined ? '' : (verdict.cells[column] ?? '');
  };
  return (
    <Stack gap="xs">
      <Group>
        <Text size="sm">{t('rosterImport.show')}</Text>
        <SegmentedControl
          size="xs"
          value={show}
          onChange={(value) => {
            setShow(value === 'error' || value === 'warning' || value === 'changed' ? value : 'all');
            setLimit(PREVIEW_ROWS);
          }}
          data={[
            { value: 'all', label: t('rosterImport.showAll') },
            { value: 'error', label: t('rosterImport.showErrors') },
            { value: 'warning', label: t('rosterImport.showWarnings') },
            { value: 'changed', label: t('rosterImport.showChanged') },
          ]}
        />
      </Group>
      <Table.ScrollContainer minWidth={1400}>
        <Table striped aria-label={t('rosterImport.previewTitle')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('rosterImport.line')}</Table.Th>
              <Table.Th miw={96}>{t('rosterImport.result')}</Table.Th>
              <Table.Th miw={280}>{t('rosterImport.reasons')}</Table.Th>
              {fields.map((field) => (
                <Table.Th key={field} style={{ whiteSpace: 'nowrap' }}>
                  {t(`workers.fields.${field}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows?.rows.map((verdict) => (
              <Table.Tr key={verdict.line} data-testid="verdict-row" data-status={verdict.status}>
                <Table.Td>{verdict.line}</Table.Td>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <Badge color={STATUS_COLOR[verdict.status]} variant="light" miw={64}>
                      {t(`rosterImport.statusLabel.${verdict.status}`)}
                    </Badge>
                    {verdict.changes && (
                      <Badge
                        color="blue"
                        variant="outline"
                        miw={64}
                        title={verdict.changes.map((change) => changeText(change, t)).join(t('common.listSeparator'))}
                      >
                        {t('rosterImport.changedMark')}
                      </Badge>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{problemText(verdict, t)}</Text>
                  {verdict.changes?.map((change) => (
                    <Text key={change.field} size="sm" c="blue.8" data-testid="verdict-change">
                      {`${t('rosterImport.changedMark')}${t('common.labelSeparator')}${changeText(change, t)}`}
                    </Text>
                  ))}
                </Table.Td>
                {fields.map((field) => {
                  // The reason stands on the cell it is about, as well as in the last column.
                  const problems = verdict.problems.filter((problem) => problem.field === field);
                  const severity = problems.some((p) => p.severity === 'error')
                    ? 'error'
                    : problems.length > 0
                      ? 'warning'
                      : null;
                  const change = verdict.changes?.find((candidate) => candidate.field === field);
                  return (
                    <Table.Td
                      key={field}
                      data-problem={severity ?? undefined}
                      data-changed={change ? 'true' : undefined}
                      title={[
                        ...problems.map((problem) => problemMessage(problem, t)),
                        ...(change ? [changeText(change, t)] : []),
                      ].join(t('common.listSeparator'))}
                      style={{
                        whiteSpace: 'nowrap',
                        background: severity
                          ? `var(--mantine-color-${severity === 'error' ? 'red' : 'yellow'}-1)`
                          : undefined,
                        fontFamily:
                          field === 'residentId' || field === 'phone'
                            ? 'var(--mantine-font-family-monospace)'
                            : undefined,
                      }}
                    >
                      {cell(verdict, field)}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows && rows.total > rows.rows.length && (
        <Group>
          <Text size="sm" c="dimmed">
            {`${rows.rows.length} / ${rows.total}`}
          </Text>
          <Button size="xs" variant="default" onClick={() => setLimit((current) => current + 10 * PREVIEW_ROWS)}>
            {t('rosterImport.showMore', { count: Math.min(10 * PREVIEW_ROWS, rows.total - rows.rows.length) })}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

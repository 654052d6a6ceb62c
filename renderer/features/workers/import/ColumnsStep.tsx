import { Select, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ROSTER_FIELDS, type ColumnMapping, type RosterField } from '@shared/roster';
import type { RosterSummary } from '@renderer/db';

/** The fields a roster must have a column for. */
export const REQUIRED: readonly RosterField[] = ['name', 'residentId', 'phone'];

/** Which column of the file holds each of a worker's fields, with samples from the file. */
export function ColumnsStep(props: {
  /** What the file holds. */
  summary: RosterSummary;
  /** The current column choice per field. */
  mapping: ColumnMapping;
  /** Called when the user changes a column. */
  onChange: (mapping: ColumnMapping) => void;
}) {
  const { t } = useTranslation();
  const options = props.summary.headers.map((header, index) => ({
    value: String(index),
    label: header === '' ? `#${index + 1}` : header,
  }));
  return (
    <Table aria-label={t('rosterImport.columnsTitle')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('rosterImport.field')}</Table.Th>
          <Table.Th>{t('rosterImport.column')}</Table.Th>
          <Table.Th>{t('rosterImport.sample')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {ROSTER_FIELDS.map((field) => {
          const column = props.mapping[field];
          return (
            <Table.Tr key={field}>
              <Table.Td>
                {t(`workers.fields.${field}`)}
                {REQUIRED.includes(field) && (
                  <Text span c="red">
                    {' '}
                    *
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={t(`workers.fields.${field}`)}
                  data={options}
                  placeholder={t('rosterImport.notInFile')}
                  value={column === undefined ? null : String(column)}
                  onChange={(value) => {
                    const others = Object.entries(props.mapping).filter(([key]) => key !== field);
                    props.onChange(Object.fromEntries(value === null ? others : [...others, [field, Number(value)]]));
                  }}
                  clearable
                  w={220}
                />
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" truncate maw={320}>
                  {column === undefined
                    ? ''
                    : props.summary.samples
                        .map((row) => row[column] ?? '')
                        .filter(Boolean)
                        .join(' / ')}
                </Text>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

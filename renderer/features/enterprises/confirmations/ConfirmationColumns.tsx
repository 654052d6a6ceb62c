import { Select, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RosterTable } from '@shared/roster';
import { CONFIRMATION_FIELDS, type ConfirmationMapping } from '@shared/followup/confirmation';

/** How many rows the samples are taken from. */
const SAMPLE_ROWS = 3;

/** Which column of the list holds each field, with samples from the file. */
export function ConfirmationColumns(props: {
  table: RosterTable;
  mapping: ConfirmationMapping;
  onChange: (mapping: ConfirmationMapping) => void;
}) {
  const { t } = useTranslation();
  const options = props.table.headers.map((header, index) => ({
    value: String(index),
    label: header === '' ? `#${index + 1}` : header,
  }));
  const samples = props.table.rows.filter((row) => row.some((cell) => cell.trim() !== '')).slice(0, SAMPLE_ROWS);
  return (
    <Table aria-label={t('confirmations.columnsTitle')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('confirmations.field')}</Table.Th>
          <Table.Th>{t('confirmations.column')}</Table.Th>
          <Table.Th>{t('confirmations.sample')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {CONFIRMATION_FIELDS.map((field) => {
          const column = props.mapping[field];
          return (
            <Table.Tr key={field}>
              <Table.Td>
                {t(`confirmations.fields.${field}`)}
                {field === 'residentId' && (
                  <Text span c="red">
                    {' '}
                    *
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={t(`confirmations.fields.${field}`)}
                  data={options}
                  placeholder={t('confirmations.notInFile')}
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
                <Text size="sm" c="dimmed" truncate maw={360}>
                  {column === undefined
                    ? ''
                    : samples
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

import { Badge, Checkbox, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  CONFIRMATION_CATEGORIES,
  confirmationCounts,
  type ConfirmationCategory,
  type ConfirmationVerdict,
} from '@shared/followup/confirmation';
import { useLanguage } from '@renderer/i18n/use-language';
import { listedText, reasonsText } from './confirmation-texts';

/** Rows shown per category: an enterprise's list is short; a long one says how many more there are. */
const SHOWN_ROWS = 300;

const COLOR: Readonly<Record<ConfirmationCategory, string>> = {
  matched: 'teal',
  contradicts: 'orange',
  'already-recorded': 'gray',
  'not-found': 'red',
  'other-enterprise': 'red',
  'no-handover': 'yellow',
  invalid: 'red',
};

/** The report of a list before anything is written: counts, then the rows of each category with the reason in words. */
export function ConfirmationReport(props: {
  verdicts: readonly ConfirmationVerdict[];
  forced: ReadonlySet<number>;
  onForce: (line: number, on: boolean) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const counts = confirmationCounts(props.verdicts);
  const present = CONFIRMATION_CATEGORIES.filter((category) => counts[category] > 0);
  return (
    <Stack>
      <Group gap="xs" data-testid="confirmation-counts">
        {CONFIRMATION_CATEGORIES.map((category) => (
          <Badge
            key={category}
            color={COLOR[category]}
            variant={counts[category] > 0 ? 'light' : 'outline'}
            size="lg"
            data-testid={`count-${category}`}
            data-count={counts[category]}
            style={{ textTransform: 'none' }}
          >
            {t('confirmations.countLine', { label: t(`confirmations.category.${category}`), count: counts[category] })}
          </Badge>
        ))}
      </Group>
      {present.map((category) => {
        const rows = props.verdicts.filter((verdict) => verdict.category === category);
        return (
          <Stack key={category} gap={4} data-testid={`rows-${category}`}>
            <Title order={5}>
              {t('confirmations.countLine', { label: t(`confirmations.category.${category}`), count: rows.length })}
            </Title>
            <Table striped withTableBorder aria-label={t(`confirmations.category.${category}`)}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={60}>{t('confirmations.columns.line')}</Table.Th>
                  <Table.Th w={100}>{t('confirmations.columns.name')}</Table.Th>
                  <Table.Th w={190}>{t('confirmations.columns.residentId')}</Table.Th>
                  <Table.Th>{t('confirmations.columns.listed')}</Table.Th>
                  {category !== 'matched' && <Table.Th>{t('confirmations.columns.reason')}</Table.Th>}
                  {category === 'contradicts' && <Table.Th w={150}>{t('confirmations.columns.force')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.slice(0, SHOWN_ROWS).map((verdict) => (
                  <Table.Tr key={verdict.line} data-testid="confirmation-row" data-line={verdict.line}>
                    <Table.Td>{verdict.line}</Table.Td>
                    <Table.Td>{verdict.name}</Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {verdict.residentId}
                      </Text>
                    </Table.Td>
                    <Table.Td>{listedText(verdict, t, language)}</Table.Td>
                    {category !== 'matched' && <Table.Td>{reasonsText(verdict, t, language)}</Table.Td>}
                    {category === 'contradicts' && (
                      <Table.Td>
                        {verdict.forcible ? (
                          <Checkbox
                            aria-label={t('confirmations.forceOne', { line: verdict.line })}
                            checked={props.forced.has(verdict.line)}
                            onChange={(event) => props.onForce(verdict.line, event.currentTarget.checked)}
                          />
                        ) : (
                          <Text size="sm" c="dimmed">
                            {t('confirmations.cannotForce')}
                          </Text>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {rows.length > SHOWN_ROWS && (
              <Text size="sm" c="dimmed">
                {t('confirmations.moreRows', { count: rows.length - SHOWN_ROWS })}
              </Text>
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}

import { useMemo, useState } from 'react';
import { Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatYuan } from '@shared/subsidy/money';
import type { ReportClaim } from '@shared/subsidy/report';
import { BUCKETS, type ReportLine } from './report-lines';

/** Rows drawn at first, and added by each "show more": a line may stand for thousands of claims. */
const PEOPLE_ROWS = 200;

const STATUS_COLOR = {
  eligible: 'blue',
  'on-notice': 'yellow',
  submitted: 'cyan',
  approved: 'indigo',
  paid: 'teal',
  rejected: 'red',
} as const;

/**
 * The people behind one line of the report: every claim its sums are made of, owed first, then on
 * notice, paid and rejected, each with the person, township, scheme, payee, status and the amount
 * the line counts (the amount paid, once paid).
 */
export function PeopleBehind({
  line,
  claims,
  onClose,
}: {
  line: ReportLine;
  /** The claims the report was made of, by id. */
  claims: ReadonlyMap<string, ReportClaim>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(PEOPLE_ROWS);
  const people = useMemo(() => {
    const collator = new Intl.Collator('zh-CN');
    return BUCKETS.flatMap((bucket) =>
      line.totals[bucket].claimIds
        .map((id) => claims.get(id))
        .filter((claim): claim is ReportClaim => claim !== undefined)
        .sort((a, b) => collator.compare(a.workerName ?? '', b.workerName ?? '')),
    );
  }, [line, claims]);
  return (
    <Modal opened onClose={onClose} size="80rem" title={t('subsidy.report.people.title', { line: line.label })}>
      <Stack gap="sm" data-testid="report-people">
        <Text size="sm" c="dimmed">
          {t('subsidy.report.people.count', { count: people.length })}
        </Text>
        <Table striped verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('subsidy.page.columns.name')}</Table.Th>
              <Table.Th>{t('subsidy.page.columns.township')}</Table.Th>
              <Table.Th>{t('subsidy.report.columns.scheme')}</Table.Th>
              <Table.Th>{t('subsidy.report.columns.payee')}</Table.Th>
              <Table.Th>{t('subsidy.page.columns.status')}</Table.Th>
              <Table.Th ta="right">{t('subsidy.page.columns.amount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {people.slice(0, shown).map((claim) => (
              <Table.Tr key={claim.id} data-testid="report-person">
                <Table.Td fw={500}>{claim.workerName}</Table.Td>
                <Table.Td>{claim.township}</Table.Td>
                <Table.Td>{claim.schemeName}</Table.Td>
                <Table.Td>{claim.payeeName}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={STATUS_COLOR[claim.status]}>
                    {t(`subsidy.claimStatus.${claim.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {formatYuan(claim.status === 'paid' ? (claim.paidAmountFen ?? claim.amountFen) : claim.amountFen)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {people.length > shown && (
          <Group>
            <Text size="sm" c="dimmed">
              {t('subsidy.page.shown', { shown, total: people.length })}
            </Text>
            <Button variant="default" size="xs" onClick={() => setShown((count) => count + PEOPLE_ROWS * 5)}>
              {t('subsidy.page.showMore', { count: Math.min(PEOPLE_ROWS * 5, people.length - shown) })}
            </Button>
          </Group>
        )}
      </Stack>
    </Modal>
  );
}

import { useMemo, useState } from 'react';
import { Badge, Button, Checkbox, Group, Paper, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { CalendarDate } from '@shared/domain/records';
import { CLAIM_STATUSES, checkClaimStep, noticeEnds, type ClaimStatus } from '@shared/subsidy/claim-steps';
import { formatYuan } from '@shared/subsidy/money';
import { totalOf, type SchemeClaim } from '../../db';
import { PAGE_ROWS } from './EligibilityList';
import { StepModal, type StepKind } from './StepModal';

const STATUS_COLOR: Record<ClaimStatus, string> = {
  eligible: 'blue',
  'on-notice': 'yellow',
  submitted: 'cyan',
  approved: 'indigo',
  paid: 'teal',
  rejected: 'red',
};

const STEPS: readonly StepKind[] = ['on-notice', 'submitted', 'approved', 'paid', 'rejected'];

/** Whether a claim in `status` may take `step` (the order of claim-steps.ts; its other checks come on saving). */
function allows(status: ClaimStatus, step: StepKind): boolean {
  const probe =
    step === 'on-notice'
      ? { to: step, noticeFrom: '2000-01-01', noticeDays: 7 }
      : step === 'paid'
        ? { to: step, on: '2000-01-01', amountFen: 0, voucher: 'x' }
        : step === 'rejected'
          ? { to: step, on: '2000-01-01', reason: 'x' }
          : { to: step, on: '2000-01-01' };
  return !checkClaimStep(status, probe, { today: '2000-01-01', owedFen: 0, noticeEndsOn: null }).some(
    (problem) => problem.code === 'claim-step-not-allowed',
  );
}

/** Which claims the list shows: one payee's (`kind:id`), in one status; null: all. */
export interface ClaimsFilter {
  payee: string | null;
  status: ClaimStatus | null;
}

/** The key a payee filter holds: the payee's kind and id. */
export function payeeKey(claim: Pick<SchemeClaim, 'payee' | 'payeeId'>): string {
  return `${claim.payee}:${claim.payeeId}`;
}

/**
 * A scheme's claims: each with its person, payee, amount in yuan, status in words and what each step
 * recorded; shown for one payee or all, in one status or all; the totals per status of the payee's
 * claims; the selected claims (of those shown) taken a step further at once.
 */
export function ClaimsList({
  claims: given,
  today,
  filter,
  onFilter,
}: {
  claims: readonly SchemeClaim[];
  today: CalendarDate;
  filter: ClaimsFilter;
  onFilter: (filter: ClaimsFilter) => void;
}) {
  const { t } = useTranslation();
  // Oldest first; the claims made together by name, as the eligibility list shows them.
  const all = useMemo(() => {
    const collator = new Intl.Collator('zh-CN');
    return [...given].sort(
      (a, b) =>
        a.createdAt.localeCompare(b.createdAt) ||
        collator.compare(a.workerName, b.workerName) ||
        (a.instalment ?? 0) - (b.instalment ?? 0),
    );
  }, [given]);
  const payeeOptions = useMemo(() => {
    const collator = new Intl.Collator('zh-CN');
    const counts = new Map<string, { name: string; count: number }>();
    for (const claim of all) {
      const key = payeeKey(claim);
      const known = counts.get(key);
      if (known) known.count += 1;
      else counts.set(key, { name: claim.payeeName, count: 1 });
    }
    return [...counts.entries()]
      .sort(([, a], [, b]) => collator.compare(a.name, b.name))
      .map(([value, { name, count }]) => ({ value, label: t('subsidy.claimsFilter.payeeOption', { name, count }) }));
  }, [all, t]);
  // A payee no claim names any more (a link kept from before) shows every claim.
  const payee =
    filter.payee !== null && payeeOptions.some((option) => option.value === filter.payee) ? filter.payee : null;
  const ofPayee = useMemo(
    () => (payee === null ? all : all.filter((claim) => payeeKey(claim) === payee)),
    [all, payee],
  );
  const claims = useMemo(
    () => (filter.status === null ? ofPayee : ofPayee.filter((claim) => claim.status === filter.status)),
    [ofPayee, filter.status],
  );
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [step, setStep] = useState<StepKind | null>(null);
  const [shown, setShown] = useState(PAGE_ROWS);

  const totals = useMemo(
    () =>
      CLAIM_STATUSES.map((status) => {
        const of = ofPayee.filter((claim) => claim.status === status);
        return { status, count: of.length, fen: totalOf(of) };
      }).filter((total) => total.count > 0),
    [ofPayee],
  );
  const chosen = useMemo(() => claims.filter((claim) => selected.has(claim.id)), [claims, selected]);
  const chosenFen = totalOf(chosen);
  const allSelected = claims.length > 0 && claims.every((claim) => selected.has(claim.id));
  const refilter = (next: Partial<ClaimsFilter>) => {
    setSelected(new Set());
    setShown(PAGE_ROWS);
    onFilter({ payee, status: filter.status, ...next });
  };

  if (all.length === 0) {
    return (
      <Text c="dimmed" data-testid="claims-empty">
        {t('subsidy.page.empty.claims')}
      </Text>
    );
  }

  const progress = (claim: SchemeClaim): string[] => {
    const lines: string[] = [];
    if (claim.noticeFrom !== null && claim.noticeDays !== null) {
      lines.push(
        t('subsidy.page.claimDates.notice', {
          from: claim.noticeFrom,
          until: noticeEnds(claim.noticeFrom, claim.noticeDays),
        }),
      );
    }
    if (claim.submittedOn) lines.push(t('subsidy.page.claimDates.submitted', { date: claim.submittedOn }));
    if (claim.approvedOn) lines.push(t('subsidy.page.claimDates.approved', { date: claim.approvedOn }));
    if (claim.paidOn) lines.push(t('subsidy.page.claimDates.paid', { date: claim.paidOn, voucher: claim.voucher }));
    if (claim.rejectedOn) {
      lines.push(t('subsidy.page.claimDates.rejected', { date: claim.rejectedOn, reason: claim.rejectionReason }));
    }
    return lines;
  };

  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="md">
        <Select
          label={t('subsidy.claimsFilter.payee')}
          placeholder={t('subsidy.claimsFilter.allPayees')}
          data={payeeOptions}
          value={payee}
          onChange={(value) => refilter({ payee: value })}
          searchable
          clearable
          nothingFoundMessage={t('subsidy.claimsFilter.noPayee')}
          w={360}
          data-testid="claims-payee-filter"
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('subsidy.claimsFilter.status')}
          </Text>
          <SegmentedControl
            aria-label={t('subsidy.claimsFilter.status')}
            size="xs"
            value={filter.status ?? 'all'}
            onChange={(value) => refilter({ status: value === 'all' ? null : value })}
            data={[
              { value: 'all', label: `${t('subsidy.claimsFilter.allStatuses')} (${ofPayee.length})` },
              ...CLAIM_STATUSES.flatMap((status) => {
                const count = ofPayee.filter((claim) => claim.status === status).length;
                return count > 0 || status === filter.status
                  ? [{ value: status, label: `${t(`subsidy.claimStatus.${status}`)} (${count})` }]
                  : [];
              }),
            ]}
            data-testid="claims-status-filter"
          />
        </Stack>
      </Group>

      <Paper withBorder p="sm" radius="md" data-testid="claim-totals">
        <Group gap="lg">
          <Text fw={600}>{t('subsidy.page.totals')}</Text>
          {totals.map((total) => (
            <Text key={total.status} size="sm" data-testid={`total-${total.status}`}>
              {t('subsidy.page.totalOf', { status: total.status, count: total.count, amount: formatYuan(total.fen) })}
            </Text>
          ))}
        </Group>
      </Paper>

      <Group gap="sm">
        <Text fw={500} data-testid="claims-selected">
          {t('subsidy.page.selectedClaims', { count: chosen.length, total: formatYuan(chosenFen) })}
        </Text>
        {STEPS.map((kind) => (
          <Button
            key={kind}
            size="xs"
            variant={kind === 'rejected' ? 'light' : 'filled'}
            color={kind === 'rejected' ? 'red' : undefined}
            disabled={chosen.length === 0 || !chosen.every((claim) => allows(claim.status, kind))}
            onClick={() => setStep(kind)}
          >
            {t(`subsidy.page.steps.${kind}`)}
          </Button>
        ))}
      </Group>

      {claims.length === 0 ? (
        <Text c="dimmed" data-testid="claims-none-shown">
          {t('subsidy.claimsFilter.none')}
        </Text>
      ) : (
        <Table striped highlightOnHover verticalSpacing={6} data-testid="claims-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>
                <Checkbox
                  aria-label={t('subsidy.page.selectAll')}
                  checked={allSelected}
                  indeterminate={!allSelected && selected.size > 0}
                  onChange={(event) =>
                    setSelected(event.currentTarget.checked ? new Set(claims.map((claim) => claim.id)) : new Set())
                  }
                />
              </Table.Th>
              <Table.Th>{t('subsidy.page.columns.name')}</Table.Th>
              <Table.Th>{t('subsidy.page.columns.township')}</Table.Th>
              <Table.Th>{t('subsidy.page.columns.payee')}</Table.Th>
              <Table.Th ta="right">{t('subsidy.page.columns.months')}</Table.Th>
              <Table.Th ta="right">{t('subsidy.page.columns.amount')}</Table.Th>
              <Table.Th>{t('subsidy.page.columns.status')}</Table.Th>
              <Table.Th>{t('subsidy.page.columns.dates')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {claims.slice(0, shown).map((claim) => {
              const name = claim.workerName;
              return (
                <Table.Tr key={claim.id} data-testid="claim-row" data-claim-id={claim.id}>
                  <Table.Td>
                    <Checkbox
                      aria-label={t('subsidy.page.selectRow', { name })}
                      checked={selected.has(claim.id)}
                      onChange={(event) => {
                        const on = event.currentTarget.checked;
                        setSelected((current) => {
                          const next = new Set(current);
                          if (on) next.add(claim.id);
                          else next.delete(claim.id);
                          return next;
                        });
                      }}
                    />
                  </Table.Td>
                  <Table.Td fw={500}>
                    {name}
                    {claim.instalment !== null && (
                      <Text span size="xs" c="dimmed" ml={6}>
                        {t('subsidy.page.instalment', { number: claim.instalment + 1 })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td data-testid="claim-township">{claim.township}</Table.Td>
                  <Table.Td>{claim.payeeName}</Table.Td>
                  <Table.Td ta="right">{t('subsidy.page.monthsValue', { count: claim.months })}</Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {formatYuan(claim.amountFen)}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={STATUS_COLOR[claim.status]} data-testid="claim-status">
                      {t(`subsidy.claimStatus.${claim.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {progress(claim).map((line) => (
                      <Text key={line} size="sm">
                        {line}
                      </Text>
                    ))}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {claims.length > shown && (
        <Group>
          <Text size="sm" c="dimmed">
            {t('subsidy.page.shown', { shown, total: claims.length })}
          </Text>
          <Button variant="default" size="xs" onClick={() => setShown((count) => count + PAGE_ROWS * 5)}>
            {t('subsidy.page.showMore', { count: Math.min(PAGE_ROWS * 5, claims.length - shown) })}
          </Button>
        </Group>
      )}

      {step !== null && (
        <StepModal
          step={step}
          claimIds={chosen.map((claim) => claim.id)}
          owedFen={chosenFen}
          today={today}
          onClose={() => setStep(null)}
          onDone={(count) => {
            notifications.show({
              color: 'teal',
              message: t('subsidy.page.stepDone', { step: t(`subsidy.page.steps.${step}`), count }),
            });
            setStep(null);
            setSelected(new Set());
          }}
        />
      )}
    </Stack>
  );
}

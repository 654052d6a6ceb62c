import { useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Chip,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { IconFileDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SubsidySchemeRecord } from '@shared/domain/records';
import type { ClaimStatus } from '@shared/subsidy/claim-steps';
import { capitalYuan, formatYuan } from '@shared/subsidy/money';
import { claimsOfScheme, getSettings, reportClaims, useRepositoryQuery } from '@renderer/db';
import { FullNumbersConfirm, FullNumbersControl } from '@renderer/features/documents/FullNumbersControl';
import { useLanguage } from '@renderer/i18n/use-language';
import {
  DEFAULT_STATUSES,
  PAPER_FORMATS,
  PAPER_KINDS,
  PAPER_STATUSES,
  chosenClaims,
  countyOf,
  noticePeriods,
  payeeOptions,
  tally,
  type ChoosableClaim,
  type PaperFormat,
  type PaperKind,
  type SummaryScope,
} from './paper-choice';
import { printsNumbers, producePaper } from './produce-paper';

export interface PapersPanelProps {
  /** The scheme chosen on the page. */
  scheme: SubsidySchemeRecord;
  /** Every live scheme: a summary may cover all of the chosen one's year. */
  schemes: readonly SubsidySchemeRecord[];
}

/** The head of the papers as the office last typed it, kept on this PC. */
interface PaperHead {
  county: string;
  bureau: string;
  bureauPhone: string;
}

const EMPTY_HEAD: PaperHead = { county: '', bureau: '', bureauPhone: '' };

/** The claims of `schemeIds` as the choice reads them: each with its payee's name. */
async function choosableClaims(schemeIds: readonly string[]): Promise<ChoosableClaim[]> {
  const [report, ...lists] = await Promise.all([reportClaims(), ...schemeIds.map((id) => claimsOfScheme(id))]);
  const payeeNames = new Map(report.map((claim) => [claim.id, claim.payeeName]));
  return lists.flat().map((claim) => ({
    id: claim.id,
    schemeId: claim.schemeId,
    workerId: claim.workerId,
    payee: claim.payee,
    payeeId: claim.payeeId,
    payeeName: payeeNames.get(claim.id) ?? '',
    status: claim.status,
    amountFen: claim.amountFen,
    noticeFrom: claim.noticeFrom,
    noticeDays: claim.noticeDays,
  }));
}

/**
 * The papers of a scheme (issue 18, item 5, 文书): the application roster of one payee, the
 * public notice of one notice period, or the summary of the scheme or its whole year; which claims
 * by status; XLSX or PDF; resident IDs masked unless full numbers are chosen with a purpose (the
 * roster and the summary's people only: the notice prints none). How many people and how much are
 * shown before anything is made; the paper is made in a Web Worker with progress and Cancel.
 */
export function PapersPanel({ scheme, schemes }: PapersPanelProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const settings = useRepositoryQuery(getSettings, []);
  const yearSchemes = useMemo(
    () => schemes.filter((candidate) => candidate.year === scheme.year).map((candidate) => candidate.id),
    [schemes, scheme.year],
  );
  const claims = useRepositoryQuery(() => choosableClaims(yearSchemes), [yearSchemes.join('|')]);

  const [paper, setPaper] = useState<PaperKind>('roster');
  const [statuses, setStatuses] = useState<readonly ClaimStatus[]>(DEFAULT_STATUSES.roster);
  const [format, setFormat] = useState<PaperFormat>('xlsx');
  const [payee, setPayee] = useState<string | null>(null);
  const [period, setPeriod] = useState<string | null>(null);
  const [scope, setScope] = useState<SummaryScope>('year');
  const [withPeople, setWithPeople] = useState(false);
  const [fullNumbers, setFullNumbers] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [running, setRunning] = useState(false);
  const [refusal, setRefusal] = useState<string[] | null>(null);
  const [storedHead, setHead] = useLocalStorage<PaperHead>({
    key: 'planner.subsidy-papers.head',
    defaultValue: EMPTY_HEAD,
  });

  const organization = settings?.organizationName ?? '';
  const head: PaperHead = {
    county: storedHead.county || countyOf(organization),
    bureau: storedHead.bureau || organization,
    bureauPhone: storedHead.bureauPhone,
  };
  const operatorMissing = (settings?.operatorName.trim() ?? '') === '';

  const payees = useMemo(() => payeeOptions(claims ?? [], scheme.id), [claims, scheme.id]);
  const periods = useMemo(() => noticePeriods(claims ?? [], scheme.id, statuses), [claims, scheme.id, statuses]);
  const payeeKey = payees.some((option) => option.key === payee) ? payee : (payees[0]?.key ?? null);
  const periodKey = periods.some((option) => option.key === period) ? period : (periods[0]?.key ?? null);
  const chosen = useMemo(
    () =>
      chosenClaims(claims ?? [], {
        paper,
        statuses,
        schemeIds: paper === 'summary' && scope === 'year' ? yearSchemes : [scheme.id],
        payee: payeeKey,
        noticePeriod: periodKey,
      }),
    [claims, paper, statuses, scope, yearSchemes, scheme.id, payeeKey, periodKey],
  );
  const counted = tally(chosen);
  const numbers = printsNumbers(paper, withPeople);

  if (claims === undefined || settings === undefined) return <Loader size="xs" />;

  const choosePaper = (value: string) => {
    const kind = value as PaperKind;
    setPaper(kind);
    setStatuses(DEFAULT_STATUSES[kind]);
    setRefusal(null);
    // Full numbers are chosen for one paper and its purpose, never carried to another.
    setFullNumbers(false);
    setReason('');
  };
  const changeHead = (patch: Partial<PaperHead>) => {
    setHead({ ...head, ...patch });
    setRefusal(null);
  };
  const notice = periods.find((option) => option.key === periodKey);

  const produce = () => {
    setRefusal(null);
    setRunning(true);
    void producePaper({
      paper,
      format,
      claimIds: chosen.map((claim) => claim.id),
      scheme: { id: scheme.id, name: scheme.name, kind: scheme.kind, year: scheme.year },
      wholeYear: scope === 'year',
      payee: payeeKey,
      notice: notice ? { from: notice.from, to: notice.to } : null,
      ...head,
      withPeople,
      fullNumbers: fullNumbers && numbers,
      reason,
      operator: settings.operatorName,
      organization,
      language,
      t,
    })
      .then((outcome) => {
        if (outcome.kind === 'refused') setRefusal(outcome.messages);
      })
      .finally(() => setRunning(false));
  };

  return (
    <Stack gap="md" maw={760} data-testid="papers-panel" data-busy={running ? 'true' : 'false'}>
      <Text size="sm" c="dimmed">
        {t('subsidy.papers.intro')}
      </Text>
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('subsidy.papers.paper')}
        </Text>
        <SegmentedControl
          value={paper}
          onChange={choosePaper}
          data={PAPER_KINDS.map((kind) => ({ value: kind, label: t(`subsidy.papers.kinds.${kind}`) }))}
          data-testid="paper-kind"
        />
        <Text size="xs" c="dimmed">
          {t(`subsidy.papers.hints.${paper}`)}
        </Text>
      </Stack>

      {paper === 'roster' &&
        (payees.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="paper-no-payees">
            {t('subsidy.papers.noPayees')}
          </Text>
        ) : (
          <Select
            label={t('subsidy.papers.payee')}
            data={payees.map((option) => ({
              value: option.key,
              label: t('subsidy.papers.payeeOption', {
                name: option.kind === 'worker' ? t('subsidy.papers.workers') : option.name,
                count: option.claims,
              }),
            }))}
            value={payeeKey}
            onChange={(value) => {
              setPayee(value);
              setRefusal(null);
            }}
            allowDeselect={false}
            searchable
            data-testid="paper-payee"
          />
        ))}

      {paper === 'summary' && (
        <Group gap="lg" align="flex-end">
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('subsidy.papers.scope')}
            </Text>
            <SegmentedControl
              value={scope}
              onChange={(value) => setScope(value)}
              data={[
                { value: 'scheme', label: t('subsidy.papers.scopes.scheme') },
                { value: 'year', label: t('subsidy.papers.scopes.year', { year: scheme.year }) },
              ]}
              data-testid="paper-scope"
            />
          </Stack>
          <Checkbox
            label={t('subsidy.papers.withPeople')}
            description={t('subsidy.papers.withPeopleHint')}
            checked={withPeople}
            onChange={(event) => setWithPeople(event.currentTarget.checked)}
            data-testid="paper-with-people"
          />
        </Group>
      )}

      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('subsidy.papers.statuses')}
        </Text>
        <Chip.Group
          multiple
          value={[...statuses]}
          onChange={(value) => {
            setStatuses(PAPER_STATUSES[paper].filter((status) => value.includes(status)));
            setRefusal(null);
          }}
        >
          <Group gap="xs" data-testid="paper-statuses">
            {PAPER_STATUSES[paper].map((status) => (
              <Chip key={status} value={status} size="sm">
                {t(`subsidy.claimStatus.${status}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <Text size="xs" c="dimmed">
          {t(`subsidy.papers.statusesHint.${paper}`)}
        </Text>
      </Stack>

      {paper === 'notice' &&
        (periods.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="paper-no-periods">
            {t('subsidy.papers.noNoticePeriods')}
          </Text>
        ) : (
          <Select
            label={t('subsidy.papers.noticePeriod')}
            data={periods.map((option) => ({
              value: option.key,
              label: t('subsidy.papers.noticePeriodOption', { from: option.from, to: option.to, count: option.claims }),
            }))}
            value={periodKey}
            onChange={(value) => {
              setPeriod(value);
              setRefusal(null);
            }}
            allowDeselect={false}
            data-testid="paper-notice-period"
          />
        ))}

      <Group gap="md" align="flex-start" grow>
        <TextInput
          label={t('subsidy.papers.county')}
          value={head.county}
          onChange={(event) => changeHead({ county: event.currentTarget.value })}
          maxLength={40}
          data-testid="paper-county"
        />
        <TextInput
          label={t('subsidy.papers.bureau')}
          placeholder={t('subsidy.papers.bureauPlaceholder')}
          value={head.bureau}
          onChange={(event) => changeHead({ bureau: event.currentTarget.value })}
          maxLength={60}
        />
        {paper === 'notice' && (
          <TextInput
            label={t('subsidy.papers.bureauPhone')}
            value={head.bureauPhone}
            onChange={(event) => changeHead({ bureauPhone: event.currentTarget.value })}
            maxLength={30}
          />
        )}
      </Group>

      <Group gap="lg" align="flex-start">
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('subsidy.papers.format')}
          </Text>
          <SegmentedControl
            value={format}
            onChange={(value) => setFormat(value)}
            data={PAPER_FORMATS.map((value) => ({ value, label: value === 'pdf' ? 'PDF' : 'Excel (XLSX)' }))}
            data-testid="paper-format"
          />
        </Stack>
        {numbers ? (
          <FullNumbersControl
            fullNumbers={fullNumbers}
            operatorMissing={operatorMissing}
            disabled={running}
            onAsk={() => setConfirming(true)}
            onOff={() => {
              setFullNumbers(false);
              setReason('');
            }}
          />
        ) : (
          paper === 'notice' && (
            <Text size="sm" c="dimmed" maw={360} data-testid="paper-notice-privacy">
              {t('subsidy.papers.noticePrivacy')}
            </Text>
          )
        )}
      </Group>

      <Paper withBorder p="sm" radius="md" data-testid="paper-tally">
        <Text fw={600}>
          {t('subsidy.papers.tally', {
            people: counted.people,
            claims: counted.claims,
            amount: formatYuan(counted.fen),
          })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('subsidy.papers.capital', { capital: capitalYuan(counted.fen) })}
        </Text>
      </Paper>

      {refusal && (
        <Alert color="red" title={t('subsidy.papers.refusedTitle')} data-testid="paper-refusal">
          <Stack gap={2}>
            {refusal.map((message) => (
              <Text key={message} size="sm">
                {message}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}

      <Group>
        <Button
          leftSection={<IconFileDownload size={16} />}
          onClick={produce}
          loading={running}
          data-testid="paper-produce"
        >
          {t('subsidy.papers.produce')}
        </Button>
      </Group>

      <FullNumbersConfirm
        opened={confirming}
        reason={reason}
        onReason={setReason}
        onCancel={() => {
          setConfirming(false);
          setReason('');
        }}
        onConfirm={() => {
          setConfirming(false);
          setFullNumbers(true);
        }}
      />
    </Stack>
  );
}

import { useMemo } from 'react';
import { Accordion, Group, Paper, Progress, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate } from '@shared/dates';
import { UNPLACED_REASONS, type GroupStats, type UnplacedReason } from '@shared/planning';
import type { BatchPlanningResult } from '@renderer/db';
import { useLanguage } from '@renderer/i18n/use-language';

const percent = (share: number): string => (share * 100).toFixed(1);

interface TotalsProps {
  /** The proposal and its figures. */
  result: BatchPlanningResult;
}

/** Passengers placed, batches, vehicles beside their lower bound, and workers not placed. */
function Totals({ result }: TotalsProps) {
  const { t } = useTranslation();
  const { proposal } = result;
  const gap = proposal.lowerBound === 0 ? 0 : (proposal.vehicleCount - proposal.lowerBound) / proposal.lowerBound;
  return (
    <Stack gap={6}>
      <SimpleGrid cols={{ base: 2, lg: 4 }} spacing="sm">
        <Paper withBorder p="sm" data-testid="total-placed">
          <Text fw={600}>{t('planning.proposal.placed', { count: proposal.passengerCount })}</Text>
          <Text size="sm" c="dimmed">
            {t('planning.proposal.pool', { count: result.poolSize })}
          </Text>
        </Paper>
        <Paper withBorder p="sm" data-testid="total-batches">
          <Text fw={600}>{t('planning.proposal.batches', { count: proposal.batches.length })}</Text>
        </Paper>
        <Paper
          withBorder
          p="sm"
          data-testid="total-vehicles"
          data-vehicles={proposal.vehicleCount}
          data-lower-bound={proposal.lowerBound}
          title={t('planning.proposal.boundHint')}
        >
          <Text fw={600}>
            {t('planning.proposal.vehicles', {
              count: proposal.vehicleCount,
              bound: proposal.lowerBound,
              gap: percent(gap),
            })}
          </Text>
        </Paper>
        <Paper withBorder p="sm" data-testid="total-unplaced" data-unplaced={proposal.unplaced.length}>
          <Text fw={600}>{t('planning.proposal.unplaced', { count: proposal.unplaced.length })}</Text>
        </Paper>
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('planning.proposal.boundHint')}
      </Text>
      {result.onBatches + result.arrived > 0 && (
        <Text size="xs" c="dimmed">
          {t('planning.proposal.excluded', { onBatches: result.onBatches, arrived: result.arrived })}
        </Text>
      )}
    </Stack>
  );
}

interface BatchesTableProps {
  /** The proposal and its routes. */
  result: BatchPlanningResult;
  /** The name each batch will be saved with, by index. */
  names: readonly string[];
}

/** The proposed batches: name, day, groups on board, passengers, vehicles per leg and fill rate. */
function BatchesTable({ result, names }: BatchesTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const routes = useMemo(() => new Map(result.routes.map((route) => [route.id, route])), [result]);
  const groups = useMemo(() => new Map(result.proposal.groups.map((group) => [group.key, group])), [result]);
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped verticalSpacing="xs" aria-label={t('planning.proposal.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('planning.proposal.columns.name')}</Table.Th>
            <Table.Th>{t('planning.proposal.columns.date')}</Table.Th>
            <Table.Th>{t('planning.proposal.columns.groups')}</Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
              {t('planning.proposal.columns.passengers')}
            </Table.Th>
            <Table.Th>{t('planning.proposal.columns.vehicles')}</Table.Th>
            <Table.Th w={140}>{t('planning.proposal.columns.fill')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.proposal.batches.map((batch, index) => {
            const route = routes.get(batch.routeId);
            return (
              <Table.Tr key={`${batch.routeId}/${batch.sequence}`} data-testid="proposed-batch">
                <Table.Td>{names[index]}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatCalendarDate(batch.date, language)}</Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {batch.groupKeys
                      .map((key) => groups.get(key))
                      .filter((group): group is GroupStats => group !== undefined)
                      .map((group) => `${group.county} → ${group.city}`)
                      .join(t('planning.unplaced.separator'))}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{batch.passengerIds.length.toLocaleString(language)}</Table.Td>
                <Table.Td>
                  {batch.legs.map((leg, legIndex) => {
                    const mode = route?.legs.find((candidate) => candidate.id === leg.legId)?.mode ?? 'coach';
                    return (
                      <Text size="sm" key={leg.legId} style={{ whiteSpace: 'nowrap' }}>
                        {t(mode === 'train' ? 'planning.proposal.legCarriages' : 'planning.proposal.legCoaches', {
                          n: legIndex + 1,
                          count: leg.vehicles.length,
                        })}
                      </Text>
                    );
                  })}
                </Table.Td>
                <Table.Td data-fill={batch.fillRate.toFixed(3)}>
                  <Text size="sm">{t('planning.proposal.fill', { percent: percent(batch.fillRate) })}</Text>
                  <Progress value={batch.fillRate * 100} size="sm" aria-hidden />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface GroupsTableProps {
  /** The proposal and its routes. */
  result: BatchPlanningResult;
}

/** Each pickup point and city: passengers, batches, vehicles beside the lower bound, and who found no date. */
function GroupsTable({ result }: GroupsTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const count = (n: number) => n.toLocaleString(language);
  const routeNames = new Map(result.routes.map((route) => [route.id, route.name]));
  const manyRoutes = result.routes.length > 1;
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table striped verticalSpacing={4} aria-label={t('planning.groups.title')}>
        <Table.Thead>
          <Table.Tr>
            {manyRoutes && <Table.Th>{t('planning.groups.columns.route')}</Table.Th>}
            <Table.Th>{t('planning.groups.columns.county')}</Table.Th>
            <Table.Th>{t('planning.groups.columns.city')}</Table.Th>
            <Table.Th ta="right">{t('planning.groups.columns.passengers')}</Table.Th>
            <Table.Th ta="right">{t('planning.groups.columns.overflow')}</Table.Th>
            <Table.Th ta="right">{t('planning.groups.columns.batches')}</Table.Th>
            <Table.Th ta="right">{t('planning.groups.columns.vehicles')}</Table.Th>
            <Table.Th ta="right">{t('planning.groups.columns.lowerBound')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.proposal.groups.map((group) => (
            <Table.Tr key={group.key} data-above-bound={group.vehicles > group.lowerBound}>
              {manyRoutes && <Table.Td>{routeNames.get(group.routeId)}</Table.Td>}
              <Table.Td>{group.county}</Table.Td>
              <Table.Td>{group.city}</Table.Td>
              <Table.Td ta="right">{count(group.passengers)}</Table.Td>
              <Table.Td ta="right">{count(group.overflow)}</Table.Td>
              <Table.Td ta="right">{count(group.batchCount)}</Table.Td>
              <Table.Td ta="right">{count(group.vehicles)}</Table.Td>
              <Table.Td ta="right">{count(group.lowerBound)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Names listed per reason; the rest are counted. A roster's worth of names helps nobody on screen. */
const NAMES_SHOWN = 200;

interface UnplacedListProps {
  /** The proposal and the unplaced workers' names. */
  result: BatchPlanningResult;
}

/** The workers not placed, counted by reason, each reason opening to its names and what to do. */
function UnplacedList({ result }: UnplacedListProps) {
  const { t } = useTranslation();
  const byReason = useMemo(() => {
    const lists = new Map<UnplacedReason, string[]>();
    for (const { workerId, reason } of result.proposal.unplaced) {
      const list = lists.get(reason) ?? [];
      list.push(workerId);
      lists.set(reason, list);
    }
    return lists;
  }, [result]);
  if (result.proposal.unplaced.length === 0) {
    return <Text size="sm">{t('planning.unplaced.none')}</Text>;
  }
  return (
    // Names are rendered for the reasons opened only: a closed panel costs nothing.
    <Accordion variant="separated" multiple keepMounted={false}>
      {UNPLACED_REASONS.flatMap((reason) => {
        const ids = byReason.get(reason);
        if (!ids) return [];
        return [
          <Accordion.Item key={reason} value={reason} data-testid="unplaced-reason" data-reason={reason}>
            <Accordion.Control>
              <Group justify="space-between" pr="sm">
                <Text size="sm" fw={500}>
                  {t(`planning.unplaced.reasons.${reason}`)}
                </Text>
                <Text size="sm">{t('planning.unplaced.count', { count: ids.length })}</Text>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <Text size="sm" c="dimmed" mb={6}>
                {t(`planning.unplaced.hints.${reason}`)}
              </Text>
              <ScrollArea.Autosize mah={240} type="auto">
                <Text size="sm">
                  {ids
                    .slice(0, NAMES_SHOWN)
                    .map((id) => {
                      const person = result.people[id];
                      return person ? t('planning.unplaced.person', { ...person }) : id;
                    })
                    .join(t('planning.unplaced.separator'))}
                </Text>
              </ScrollArea.Autosize>
              {ids.length > NAMES_SHOWN && (
                <Text size="sm" c="dimmed" mt={4}>
                  {t('planning.unplaced.more', { count: ids.length - NAMES_SHOWN })}
                </Text>
              )}
            </Accordion.Panel>
          </Accordion.Item>,
        ];
      })}
    </Accordion>
  );
}

interface ProposalViewProps {
  /** The proposal and its routes. */
  result: BatchPlanningResult;
  /** The name each batch will be saved with, by index. */
  names: readonly string[];
}

/** The proposal as figures, its batches, its pickup points and cities, and who was not placed and why. */
export function ProposalView({ result, names }: ProposalViewProps) {
  const { t } = useTranslation();
  return (
    <>
      <Totals result={result} />
      {result.proposal.batches.length === 0 ? (
        <Text c="dimmed">{t('planning.proposal.empty')}</Text>
      ) : (
        <BatchesTable result={result} names={names} />
      )}
      {/* Unmounted while closed: a proposal for 100,000 workers is on the screen sooner (issue 15, item 13). */}
      <Accordion variant="contained" keepMounted={false}>
        <Accordion.Item value="groups">
          <Accordion.Control>{t('planning.groups.title')}</Accordion.Control>
          <Accordion.Panel>
            <GroupsTable result={result} />
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
      <Title order={4}>{t('planning.unplaced.title')}</Title>
      <UnplacedList result={result} />
    </>
  );
}

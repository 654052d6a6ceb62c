import { Alert, Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { BATCH_STATUSES, type Batch, type Enterprise, type Route } from '@shared/domain/records';
import { batchArrivalState, listPassengers, useRepositoryQuery, type Passenger } from '@renderer/db';
import { useLanguage } from '@renderer/i18n/use-language';
import { HandoverCard } from './HandoverCard';
import { LegArrival } from './LegArrival';

/** True from the moment a batch left: only then are arrival and handover recorded (issue 17). */
export function hasDeparted(batch: Pick<Batch, 'status'>): boolean {
  return BATCH_STATUSES.indexOf(batch.status) >= BATCH_STATUSES.indexOf('departed');
}

interface ArrivalSectionProps {
  /** A batch that has departed. */
  batch: Batch;
  /** Its route, for the legs' places and timetable; null while unknown. */
  route: Route | null;
}

/**
 * 到达与交接 on a departed batch's page (issue 17, item 1): the arrival of each leg, the handover to
 * each receiving enterprise, and the passengers nobody can sign for. The batch steps to arrived and
 * handed over by itself as these are recorded (renderer/db/repositories/followup.ts).
 */
export function ArrivalSection({ batch, route }: ArrivalSectionProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const state = useRepositoryQuery(() => batchArrivalState(batch.id), [batch.id]);
  const passengers = useRepositoryQuery(() => listPassengers(batch.id), [batch.id]);
  if (!state || !passengers) return null;

  const readOnly = batch.status === 'closed' || Boolean(batch.deletedAt);
  const legs = (route?.legs ?? []).filter((leg) => batch.legs.some((batchLeg) => batchLeg.legId === leg.id));
  const arrivalOf = (legId: string) => state.arrivals.find((arrival) => arrival.legId === legId) ?? null;
  const lastLeg = legs.at(-1);
  const lastArrivalAt = lastLeg ? (arrivalOf(lastLeg.id)?.arrivedAt ?? null) : null;

  const byEnterprise = new Map<string, { enterprise: Enterprise; passengers: Passenger[] }>();
  const unplaced: Passenger[] = [];
  for (const passenger of passengers) {
    const { enterprise } = passenger;
    if (!enterprise || enterprise.deletedAt) {
      unplaced.push(passenger);
      continue;
    }
    const group = byEnterprise.get(enterprise.id) ?? { enterprise, passengers: [] };
    group.passengers.push(passenger);
    byEnterprise.set(enterprise.id, group);
  }
  const collator = new Intl.Collator(language);
  const groups = [...byEnterprise.values()].sort((a, b) => collator.compare(a.enterprise.name, b.enterprise.name));
  const handoverOf = (enterpriseId: string) =>
    state.handovers.find((handover) => handover.enterpriseId === enterpriseId) ?? null;
  const arrivedLegs = legs.filter((leg) => arrivalOf(leg.id)).length;
  const signed = groups.filter((group) => handoverOf(group.enterprise.id)).length;

  return (
    <Card withBorder component="section" aria-labelledby="arrival-title" data-testid="arrival-section">
      <Stack gap="md">
        <Group justify="space-between" align="baseline">
          <Title order={3} id="arrival-title">
            {t('arrival.title')}
          </Title>
          <Text size="sm" c="dimmed" data-testid="arrival-progress">
            {t('arrival.progress', { arrived: arrivedLegs, legs: legs.length, signed, enterprises: groups.length })}
          </Text>
        </Group>
        <Text size="sm" c="dimmed">
          {t(readOnly ? 'arrival.closed' : 'arrival.intro')}
        </Text>

        <Title order={4}>{t('arrival.legs.title')}</Title>
        {route ? (
          legs.map((leg) => (
            <LegArrival
              key={leg.id}
              batch={batch}
              leg={leg}
              index={route.legs.indexOf(leg)}
              arrival={arrivalOf(leg.id)}
              readOnly={readOnly}
              language={language}
            />
          ))
        ) : (
          <Text c="dimmed">{t('problems.route-missing')}</Text>
        )}

        <Title order={4}>{t('arrival.handover.title')}</Title>
        {unplaced.length > 0 && (
          <Alert
            color="red"
            icon={<IconAlertTriangle size={18} />}
            title={t('arrival.unplaced.title', { count: unplaced.length })}
            data-testid="unplaced-passengers"
          >
            <Stack gap={4}>
              <Text size="sm">{t('arrival.unplaced.text')}</Text>
              <Text size="sm">
                {unplaced.map(({ worker }, index) => (
                  <Fragment key={worker.id}>
                    {index > 0 && t('common.nameSeparator')}
                    <Anchor component={Link} to={`/workers/${worker.id}`} size="sm">
                      {worker.name}
                    </Anchor>
                  </Fragment>
                ))}
              </Text>
            </Stack>
          </Alert>
        )}
        {groups.length === 0 && unplaced.length === 0 && <Text c="dimmed">{t('arrival.handover.none')}</Text>}
        {groups.map((group) => (
          <HandoverCard
            key={group.enterprise.id}
            batch={batch}
            enterprise={group.enterprise}
            passengers={group.passengers}
            handover={handoverOf(group.enterprise.id)}
            lastArrivalAt={lastArrivalAt}
            readOnly={readOnly}
            language={language}
          />
        ))}
      </Stack>
    </Card>
  );
}

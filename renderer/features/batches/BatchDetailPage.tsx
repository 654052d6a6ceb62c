import { Button, Card, Group, SimpleGrid, Tabs, Text, Title } from '@mantine/core';
import { IconStethoscope } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router-dom';
import { formatCalendarDate } from '@shared/dates';
import { batchHistory, getBatch, getRoute, isBatchLocked, useRepositoryQuery } from '../../db';
import { DetailField } from '../../components/DetailField';
import { useLanguage } from '../../i18n/use-language';
import { ChangeHistory } from '../../components/ChangeHistory';
import { useAddressParams } from '../../components/use-address-params';
import { RecordPage } from '../../components/RecordPage';
import { EditButton } from '../../components/RecordButtons';
import { openBatchForm } from './BatchForm';
import { EDIT_BATCH, EDIT_PARAM, PASSENGERS_SHOW_PARAM, TAB_PARAM, batchTabOf } from './batch-links';
import { BatchStatusBadge } from './gate/BatchStatusBadge';
import { GatePanel } from './gate/GatePanel';
import { SeatingPanel } from './seating/SeatingPanel';
import { PassengersPanel } from './PassengersPanel';
import { VehiclesPanel } from './VehiclesPanel';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { ArrivalSection, hasDeparted } from './arrival/ArrivalSection';

/**
 * One batch: its details and vehicles, passengers, seats, and the five unifications with its status.
 * The tab is in the address (`?tab=passengers`, see batch-links.ts), so that a gate item can link to
 * where it is fixed and the back button returns to the tab; `?edit=batch` opens the batch form.
 */
export function BatchDetailPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { id = '' } = useParams();
  const [searchParams, changeSearchParams] = useAddressParams();
  const batch = useRepositoryQuery(async () => (await getBatch(id)) ?? null, [id]);
  const route = useRepositoryQuery(async () => (batch ? ((await getRoute(batch.routeId)) ?? null) : null), [batch]);
  const history = useRepositoryQuery(() => batchHistory(id), [id]);
  const tab = batchTabOf(searchParams.get(TAB_PARAM));
  const editable = Boolean(batch) && !batch?.deletedAt && !isBatchLocked(batch?.status ?? 'draft');
  const editRequested = searchParams.get(EDIT_PARAM) === EDIT_BATCH;
  useEffect(() => {
    if (!editRequested || !batch) return;
    changeSearchParams({ [EDIT_PARAM]: null });
    if (editable) openBatchForm({ t, batch });
  }, [editRequested, batch, editable, changeSearchParams, t]);
  if (batch === undefined) return null;
  const chooseTab = (value: string | null) =>
    changeSearchParams((current) => {
      const next = new URLSearchParams();
      const chosen = batchTabOf(value);
      if (chosen !== 'gate') next.set(TAB_PARAM, chosen);
      // A passengers filter belongs to the passengers tab.
      const show = current.get(PASSENGERS_SHOW_PARAM);
      if (chosen === 'passengers' && show) next.set(PASSENGERS_SHOW_PARAM, show);
      return next;
    });

  return (
    <RecordPage
      backTo="/batches"
      backLabel={t('batches.title')}
      record={batch}
      notFoundText={t('batches.notFound')}
      deletedText={t('batches.deletedBanner')}
      onRestore={() => undefined}
    >
      {batch && (
        <>
          <Group justify="space-between">
            <Group gap="sm">
              <Title order={2}>{batch.name}</Title>
              <BatchStatusBadge batch={batch} />
            </Group>
            <Group>
              <Button
                component={Link}
                to={`/batches/${batch.id}/health`}
                variant="light"
                leftSection={<IconStethoscope size={16} />}
              >
                {t('batches.openStation')}
              </Button>
              {editable && <EditButton onClick={() => openBatchForm({ t, batch })} />}
            </Group>
          </Group>
          <Card withBorder>
            <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
              <DetailField label={t('batches.fields.route')}>{route?.name ?? ''}</DetailField>
              <DetailField label={t('batches.fields.date')}>{formatCalendarDate(batch.date, language)}</DetailField>
              <DetailField label={t('batches.fields.organizer')}>{batch.organizer}</DetailField>
              <DetailField label={t('batches.fields.escorts')}>
                {batch.escorts.map((escort) => escort.name).join(t('common.nameSeparator'))}
              </DetailField>
              <DetailField label={t('batches.fields.medics')}>
                {batch.medics.map((medic) => medic.name).join(t('common.nameSeparator'))}
              </DetailField>
              <DetailField label={t('batches.fields.notes')}>{batch.notes}</DetailField>
            </SimpleGrid>
          </Card>
          {hasDeparted(batch) && <ArrivalSection batch={batch} route={route ?? null} />}
          <Tabs value={tab} onChange={chooseTab} keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="gate">{t('batches.tabs.gate')}</Tabs.Tab>
              <Tabs.Tab value="passengers">{t('batches.tabs.passengers')}</Tabs.Tab>
              <Tabs.Tab value="vehicles">{t('batches.tabs.vehicles')}</Tabs.Tab>
              <Tabs.Tab value="seats">{t('batches.tabs.seats')}</Tabs.Tab>
              <Tabs.Tab value="documents">{t('documents.tab')}</Tabs.Tab>
              <Tabs.Tab value="history">{t('batches.tabs.history')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="gate" pt="md">
              <GatePanel batchId={batch.id} />
            </Tabs.Panel>
            <Tabs.Panel value="passengers" pt="md">
              <PassengersPanel batch={batch} editable={editable} />
            </Tabs.Panel>
            <Tabs.Panel value="vehicles" pt="md">
              {route ? (
                <VehiclesPanel batch={batch} route={route} editable={editable} />
              ) : (
                <Text c="dimmed">{t('problems.route-missing')}</Text>
              )}
            </Tabs.Panel>
            <Tabs.Panel value="seats" pt="md">
              <SeatingPanel batchId={batch.id} />
            </Tabs.Panel>
            <Tabs.Panel value="documents" pt="md">
              <DocumentsPanel batch={batch} route={route ?? null} />
            </Tabs.Panel>
            <Tabs.Panel value="history" pt="md">
              <ChangeHistory entries={history} table="batches" recordId={id} />
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </RecordPage>
  );
}

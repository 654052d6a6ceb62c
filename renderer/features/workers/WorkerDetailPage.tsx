import { Alert, Anchor, Badge, Button, Card, Group, SimpleGrid, Title } from '@mantine/core';
import { IconFileExport } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Worker } from '@shared/domain/records';
import { ageOn, formatCalendarDate, formatTimestamp, todayCalendarDate } from '@shared/dates';
import { isAnonymised, shownResidentId } from '@shared/privacy/anonymise';
import {
  batchesOfWorker,
  deleteWorker,
  getEnterprise,
  getOpening,
  getWorker,
  removePlacement,
  restoreWorker,
  useRepositoryQuery,
  workerHistory,
} from '../../db';
import { DetailField } from '../../components/DetailField';
import { ChangeHistory } from '../../components/ChangeHistory';
import { confirmDeleteWithUndo } from '../../components/confirm-delete';
import { RecordPage } from '../../components/RecordPage';
import { DeleteButton, EditButton } from '../../components/RecordButtons';
import { useLanguage } from '../../i18n/use-language';
import { openWorkerForm } from './WorkerForm';
import { openPlacementForm } from './PlacementForm';
import { exportPersonalData } from '../privacy/export-personal-data';
import { WorkerFollowUps } from './followup/WorkerFollowUps';
import { WorkerIntroductions } from '../agencies/WorkerIntroductions';

async function restore(worker: Worker, t: TFunction): Promise<void> {
  await restoreWorker(worker.id);
  notifications.show({ color: 'teal', message: t('workers.restored', { name: worker.name }) });
}

export function WorkerDetailPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const worker = useRepositoryQuery(async () => (await getWorker(id)) ?? null, [id]);
  const history = useRepositoryQuery(() => workerHistory(id), [id]);
  const enterprise = useRepositoryQuery(
    async () => (worker?.enterpriseId ? ((await getEnterprise(worker.enterpriseId)) ?? null) : null),
    [worker?.enterpriseId],
  );
  const opening = useRepositoryQuery(
    async () => (worker?.openingId ? ((await getOpening(worker.openingId)) ?? null) : null),
    [worker?.openingId],
  );
  const batches = useRepositoryQuery(() => batchesOfWorker(id), [id]);
  if (worker === undefined) return null;

  const deleted = Boolean(worker?.deletedAt);
  const anonymised = worker ? isAnonymised(worker) : false;
  return (
    <RecordPage
      backTo="/workers"
      backLabel={t('workers.title')}
      record={worker}
      notFoundText={t('workers.notFound')}
      deletedText={t('workers.deletedBanner')}
      onRestore={() => worker && void restore(worker, t)}
    >
      {worker && (
        <>
          <Group justify="space-between">
            <Group gap="sm">
              <Title order={2}>{worker.name}</Title>
              <Badge variant="light">{t(`workers.status.${worker.status}`)}</Badge>
              {worker.povertyStatus !== 'none' && (
                <Badge color="orange" variant="light">
                  {t(`workers.poverty.${worker.povertyStatus}`)}
                </Badge>
              )}
              {anonymised && (
                <Badge color="gray" variant="light" data-testid="anonymised-badge">
                  {t('audit.privacy.badge')}
                </Badge>
              )}
            </Group>
            {!deleted && (
              <Group>
                <Button
                  variant="default"
                  onClick={() => openPlacementForm({ t, workerIds: [worker.id], enterpriseId: worker.enterpriseId })}
                >
                  {t('placement.change')}
                </Button>
                {worker.openingId && (
                  <Button
                    variant="subtle"
                    color="gray"
                    onClick={() =>
                      void removePlacement(worker.id).then(() =>
                        notifications.show({ message: t('placement.removed', { name: worker.name }) }),
                      )
                    }
                  >
                    {t('placement.remove')}
                  </Button>
                )}
                <Button
                  variant="default"
                  leftSection={<IconFileExport size={16} />}
                  title={t('audit.export.hint')}
                  onClick={() => void exportPersonalData(worker.id, t)}
                >
                  {t('audit.export.button')}
                </Button>
                {/* An anonymised person's numbers are gone for good: no form to type them back in. */}
                {!anonymised && <EditButton onClick={() => openWorkerForm({ t, worker })} />}
                <DeleteButton
                  onClick={() =>
                    confirmDeleteWithUndo(t, {
                      title: t('workers.deleteTitle'),
                      text: t('workers.deleteText', { name: worker.name }),
                      deletedMessage: t('workers.deleted', { name: worker.name }),
                      remove: () => deleteWorker(worker.id),
                      undo: () => restore(worker, t),
                      afterDelete: () => void navigate('/workers'),
                    })
                  }
                />
              </Group>
            )}
          </Group>
          {anonymised && (
            <Alert color="gray" variant="light" data-testid="anonymised-banner">
              {t('audit.privacy.banner', {
                at: worker.anonymisedAt ? formatTimestamp(worker.anonymisedAt, language) : '',
              })}
            </Alert>
          )}
          <Card withBorder>
            <SimpleGrid cols={{ base: 2, md: 3 }} spacing="md">
              <DetailField label={t('workers.fields.residentId')}>{shownResidentId(worker.residentId)}</DetailField>
              <DetailField label={t('workers.fields.phone')}>{worker.phone}</DetailField>
              <DetailField label={t('workers.fields.gender')}>{t(`workers.gender.${worker.gender}`)}</DetailField>
              <DetailField label={t('workers.fields.birthDate')}>
                {`${anonymised ? t('audit.privacy.birthYear', { year: worker.birthDate.slice(0, 4) }) : formatCalendarDate(worker.birthDate, language)} (${t('workers.ageYears', { age: ageOn(worker.birthDate, todayCalendarDate()) })})`}
              </DetailField>
              <DetailField label={t('workers.fields.county')}>{worker.county}</DetailField>
              <DetailField label={t('workers.fields.village')}>
                {`${worker.township} ${worker.village}`.trim()}
              </DetailField>
              <DetailField label={t('workers.fields.household')}>{worker.household}</DetailField>
              <DetailField label={t('workers.fields.skills')}>
                {worker.skills.join(t('common.listSeparator'))}
              </DetailField>
              <DetailField label={t('workers.fields.wantedJob')}>{worker.wantedJob}</DetailField>
              <DetailField label={t('workers.fields.emergencyContactName')}>
                {`${worker.emergencyContactName} ${worker.emergencyContactPhone}`.trim()}
              </DetailField>
              <DetailField label={t('workers.fields.enterprise')}>
                {enterprise ? (
                  <Anchor component={Link} to={`/enterprises/${enterprise.id}`} size="sm">
                    {enterprise.name}
                  </Anchor>
                ) : (
                  ''
                )}
              </DetailField>
              <DetailField label={t('workers.fields.opening')}>{opening?.position ?? ''}</DetailField>
              <DetailField label={t('workers.fields.batches')}>
                <span data-testid="worker-batches">
                  {(batches ?? []).map((batch, index) => (
                    <span key={batch.id}>
                      {index > 0 && t('common.listSeparator')}
                      <Anchor component={Link} to={`/batches/${batch.id}`} size="sm">
                        {t('workers.batchLine', {
                          name: batch.name,
                          date: formatCalendarDate(batch.date, language),
                          status: t(`batches.status.${batch.status}`),
                        })}
                      </Anchor>
                    </span>
                  ))}
                </span>
              </DetailField>
              <DetailField label={t('workers.fields.notes')}>{worker.notes}</DetailField>
            </SimpleGrid>
          </Card>
          <WorkerIntroductions workerId={worker.id} />
          <WorkerFollowUps workerId={worker.id} />
          <ChangeHistory entries={history} table="workers" recordId={id} />
        </>
      )}
    </RecordPage>
  );
}

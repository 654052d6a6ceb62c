import { ActionIcon, Badge, Button, Card, Group, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import type { Enterprise } from '@shared/domain/records';
import {
  deleteEnterprise,
  deleteOpening,
  getEnterprise,
  enterpriseHistory,
  listOpenings,
  openingFill,
  restoreEnterprise,
  useRepositoryQuery,
} from '../../db';
import { DetailField } from '../../components/DetailField';
import { ConfirmationImport } from './confirmations/ConfirmationImport';
import { ChangeHistory } from '../../components/ChangeHistory';
import { confirmDeleteWithUndo } from '../../components/confirm-delete';
import { notifyWriteFailure } from '../../components/write-failure';
import { RecordPage } from '../../components/RecordPage';
import { DeleteButton, EditButton } from '../../components/RecordButtons';
import { openEnterpriseForm } from './EnterpriseForm';
import { openOpeningForm } from './OpeningForm';
import { EnterpriseRetention } from './EnterpriseRetention';
import { EnterpriseSubsidyCard } from './EnterpriseSubsidyCard';

async function restoreWithMessage(enterprise: Enterprise, t: TFunction): Promise<void> {
  try {
    await restoreEnterprise(enterprise.id);
    notifications.show({ color: 'teal', message: t('enterprises.restored', { name: enterprise.name }) });
  } catch (error) {
    notifyWriteFailure(error, t, 'restoring an enterprise');
  }
}

function confirmDelete(enterprise: Enterprise, t: TFunction, afterDelete: () => void): void {
  confirmDeleteWithUndo(t, {
    title: t('enterprises.deleteTitle'),
    text: t('enterprises.deleteText', { name: enterprise.name }),
    deletedMessage: t('enterprises.deleted', { name: enterprise.name }),
    remove: () => deleteEnterprise(enterprise.id),
    undo: () => restoreWithMessage(enterprise, t),
    afterDelete,
  });
}

function Openings({ enterpriseId, editable }: { enterpriseId: string; editable: boolean }) {
  const { t } = useTranslation();
  const openings = useRepositoryQuery(() => listOpenings(enterpriseId), [enterpriseId]);
  const fill = useRepositoryQuery(() => openingFill(enterpriseId), [enterpriseId]) ?? {};
  if (!openings) return null;
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('enterprises.openings')}</Title>
        {editable && (
          <Button size="xs" leftSection={<IconPlus size={16} />} onClick={() => openOpeningForm({ t, enterpriseId })}>
            {t('openings.add')}
          </Button>
        )}
      </Group>
      {openings.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('openings.empty')}
        </Text>
      ) : (
        <Table aria-label={t('enterprises.openings')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('openings.fields.position')}</Table.Th>
              <Table.Th>{t('openings.fields.headcount')}</Table.Th>
              <Table.Th>{t('placement.filledOpen')}</Table.Th>
              <Table.Th>{t('openings.wage')}</Table.Th>
              <Table.Th>{t('openings.age')}</Table.Th>
              <Table.Th>{t('openings.fields.genderRequirement')}</Table.Th>
              <Table.Th>{t('openings.fields.requirements')}</Table.Th>
              {editable && <Table.Th>{t('common.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {openings.map((opening) => (
              <Table.Tr key={opening.id} data-testid="opening-row">
                <Table.Td>{opening.position}</Table.Td>
                <Table.Td>{opening.headcount}</Table.Td>
                <Table.Td>
                  {t('placement.filledOpenValue', {
                    filled: fill[opening.id] ?? 0,
                    open: Math.max(0, opening.headcount - (fill[opening.id] ?? 0)),
                  })}
                </Table.Td>
                <Table.Td>{t('openings.wageRange', { min: opening.wageMin, max: opening.wageMax })}</Table.Td>
                <Table.Td>{t('openings.ageRange', { min: opening.ageMin, max: opening.ageMax })}</Table.Td>
                <Table.Td>{t(`openings.gender.${opening.genderRequirement}`)}</Table.Td>
                <Table.Td>{opening.requirements}</Table.Td>
                {editable && (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('openings.editOne', { position: opening.position })}
                        onClick={() => openOpeningForm({ t, enterpriseId, opening })}
                      >
                        <IconEdit size={16} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('openings.deleteOne', { position: opening.position })}
                        onClick={() =>
                          modals.openConfirmModal({
                            title: t('openings.deleteTitle'),
                            children: <Text size="sm">{t('openings.deleteText', { position: opening.position })}</Text>,
                            labels: { confirm: t('common.delete'), cancel: t('common.cancel') },
                            confirmProps: { color: 'red' },
                            onConfirm: () =>
                              void deleteOpening(opening.id).then(() =>
                                notifications.show({ message: t('openings.deleted') }),
                              ),
                          })
                        }
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

export function EnterpriseDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  // `null` once the lookup found nothing, so "not found" never flashes while loading.
  const enterprise = useRepositoryQuery(async () => (await getEnterprise(id)) ?? null, [id]);
  const history = useRepositoryQuery(() => enterpriseHistory(id), [id]);
  if (enterprise === undefined) return null;

  const deleted = Boolean(enterprise?.deletedAt);
  return (
    <RecordPage
      backTo="/enterprises"
      backLabel={t('enterprises.title')}
      record={enterprise}
      notFoundText={t('enterprises.notFound')}
      deletedText={t('enterprises.deletedBanner')}
      onRestore={() => enterprise && void restoreWithMessage(enterprise, t)}
    >
      {enterprise && (
        <>
          <Group justify="space-between">
            <Group gap="sm">
              <Title order={2}>{enterprise.name}</Title>
              {enterprise.isKeyEnterprise && <Badge color="orange">{t('enterprises.key')}</Badge>}
            </Group>
            {!deleted && (
              <Group>
                <EditButton onClick={() => openEnterpriseForm({ t, enterprise })} />
                <DeleteButton onClick={() => confirmDelete(enterprise, t, () => void navigate('/enterprises'))} />
              </Group>
            )}
          </Group>
          <Card withBorder>
            <SimpleGrid cols={{ base: 2, md: 3 }} spacing="md">
              <DetailField label={t('enterprises.fields.creditCode')}>{enterprise.creditCode}</DetailField>
              <DetailField label={t('enterprises.fields.city')}>
                {`${enterprise.city} ${enterprise.district}`.trim()}
              </DetailField>
              <DetailField label={t('enterprises.fields.address')}>{enterprise.address}</DetailField>
              <DetailField label={t('enterprises.fields.contactName')}>{enterprise.contactName}</DetailField>
              <DetailField label={t('enterprises.fields.contactPhone')}>{enterprise.contactPhone}</DetailField>
              <DetailField label={t('enterprises.fields.handoverPoint')}>{enterprise.handoverPoint}</DetailField>
              <DetailField label={t('enterprises.fields.resumptionStatus')}>
                {t(`enterprises.resumption.${enterprise.resumptionStatus}`)}
              </DetailField>
              <DetailField label={t('enterprises.fields.hrAgency')}>{enterprise.hrAgency}</DetailField>
              <DetailField label={t('enterprises.fields.notes')}>{enterprise.notes}</DetailField>
            </SimpleGrid>
          </Card>
          <EnterpriseSubsidyCard enterprise={enterprise} editable={!deleted} />
          <Openings enterpriseId={enterprise.id} editable={!deleted} />
          <EnterpriseRetention enterpriseId={enterprise.id} />
          {!deleted && <ConfirmationImport enterpriseId={enterprise.id} />}
          <ChangeHistory entries={history} table="enterprises" recordId={id} />
        </>
      )}
    </RecordPage>
  );
}

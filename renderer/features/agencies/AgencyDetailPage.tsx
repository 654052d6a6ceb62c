import { ActionIcon, Anchor, Badge, Button, Card, Group, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Agency } from '@shared/domain/records';
import { formatCalendarDate } from '@shared/dates';
import {
  agencyHistory,
  deleteAgency,
  deleteIntroduction,
  getAgency,
  introductionsByAgency,
  restoreAgency,
  useRepositoryQuery,
  type IntroductionRow,
} from '@renderer/db';
import { ChangeHistory } from '@renderer/components/ChangeHistory';
import { confirmDeleteWithUndo } from '@renderer/components/confirm-delete';
import { DetailField } from '@renderer/components/DetailField';
import { DeleteButton, EditButton } from '@renderer/components/RecordButtons';
import { RecordPage } from '@renderer/components/RecordPage';
import { notifyWriteFailure } from '@renderer/components/write-failure';
import { useLanguage } from '@renderer/i18n/use-language';
import { openAgencyForm } from './AgencyForm';
import { openIntroduceForm } from './IntroduceForm';

const ACCOUNT_PARTS = ['bankName', 'accountNumber', 'accountName'] as const;

async function restoreWithMessage(agency: Agency, t: TFunction): Promise<void> {
  try {
    await restoreAgency(agency.id);
    notifications.show({ color: 'teal', message: t('agencies.restored', { name: agency.name }) });
  } catch (error) {
    notifyWriteFailure(error, t, 'restoring an agency');
  }
}

function confirmRemove(agency: Agency, row: IntroductionRow, t: TFunction): void {
  modals.openConfirmModal({
    title: t('agencies.introductions.removeTitle'),
    children: (
      <Text size="sm">
        {t('agencies.introductions.removeText', {
          agency: agency.name,
          name: row.workerName,
          enterprise: row.enterpriseName,
        })}
      </Text>
    ),
    labels: { confirm: t('common.delete'), cancel: t('common.cancel') },
    confirmProps: { color: 'red' },
    onConfirm: () =>
      void deleteIntroduction(row.introduction.id)
        .then(() => notifications.show({ message: t('agencies.introductions.removed', { name: row.workerName }) }))
        .catch((error: unknown) => notifyWriteFailure(error, t, 'removing an introduction')),
  });
}

/** Who the agency introduced to which enterprise and when; recorded and removed here. */
function Introductions({ agency, editable }: { agency: Agency; editable: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rows = useRepositoryQuery(() => introductionsByAgency(agency.id), [agency.id]);
  if (!rows) return null;
  return (
    <Card withBorder data-testid="agency-introductions">
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <Title order={4}>{t('agencies.introductions.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('agencies.introductions.count', { count: rows.length })}
          </Text>
        </Group>
        {editable && (
          <Button size="xs" leftSection={<IconPlus size={16} />} onClick={() => openIntroduceForm({ t, agency })}>
            {t('agencies.introductions.add')}
          </Button>
        )}
      </Group>
      {rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('agencies.introductions.empty')}
        </Text>
      ) : (
        <Table aria-label={t('agencies.introductions.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('agencies.introductions.columns.worker')}</Table.Th>
              <Table.Th>{t('agencies.introductions.columns.enterprise')}</Table.Th>
              <Table.Th>{t('agencies.introductions.columns.introducedOn')}</Table.Th>
              <Table.Th>{t('agencies.introductions.columns.notes')}</Table.Th>
              {editable && <Table.Th>{t('common.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.introduction.id} data-testid="introduction-row">
                <Table.Td>
                  <Anchor component={Link} to={`/workers/${row.introduction.workerId}`} size="sm">
                    {row.workerName}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Anchor component={Link} to={`/enterprises/${row.introduction.enterpriseId}`} size="sm">
                      {row.enterpriseName}
                    </Anchor>
                    {!row.isKeyEnterprise && (
                      <Badge size="xs" variant="light" color="gray">
                        {t('agencies.introductions.notKey')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{formatCalendarDate(row.introduction.introducedOn, language)}</Table.Td>
                <Table.Td>{row.introduction.notes}</Table.Td>
                {editable && (
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('agencies.introductions.removeOne', { name: row.workerName })}
                      onClick={() => confirmRemove(agency, row, t)}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
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

/**
 * An agency's page (route `/agencies/:id`, issue 18, item 2): its details and bank account, edited
 * in its form; deleted with undo (refused, in words, while it has introductions or claims); and the
 * people it introduced, which the placement subsidy (职业介绍补贴) pays it for.
 */
export function AgencyDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const agency = useRepositoryQuery(async () => (await getAgency(id)) ?? null, [id]);
  const history = useRepositoryQuery(() => agencyHistory(id), [id]);
  if (agency === undefined) return null;
  const deleted = Boolean(agency?.deletedAt);
  const account = agency?.bankAccount ?? null;

  return (
    <RecordPage
      backTo="/agencies"
      backLabel={t('agencies.title')}
      record={agency}
      notFoundText={t('agencies.notFound')}
      deletedText={t('agencies.deletedBanner')}
      onRestore={() => agency && void restoreWithMessage(agency, t)}
    >
      {agency && (
        <>
          <Group justify="space-between">
            <Title order={2}>{agency.name}</Title>
            {!deleted && (
              <Group>
                <EditButton onClick={() => openAgencyForm({ t, agency })} />
                <DeleteButton
                  onClick={() =>
                    confirmDeleteWithUndo(t, {
                      title: t('agencies.deleteTitle'),
                      text: t('agencies.deleteText', { name: agency.name }),
                      deletedMessage: t('agencies.deleted', { name: agency.name }),
                      remove: () => deleteAgency(agency.id),
                      undo: () => restoreWithMessage(agency, t),
                      afterDelete: () => void navigate('/agencies'),
                    })
                  }
                />
              </Group>
            )}
          </Group>
          <Card withBorder data-testid="agency-details">
            <SimpleGrid cols={{ base: 2, md: 3 }} spacing="md">
              <DetailField label={t('agencies.fields.creditCode')}>{agency.creditCode}</DetailField>
              <DetailField label={t('agencies.fields.contactName')}>{agency.contactName}</DetailField>
              <DetailField label={t('agencies.fields.contactPhone')}>{agency.contactPhone}</DetailField>
              {account ? (
                ACCOUNT_PARTS.map((part) => (
                  <DetailField key={part} label={t(`agencies.fields.${part}`)}>
                    {account[part]}
                  </DetailField>
                ))
              ) : (
                <DetailField label={t('agencies.bankAccount')}>
                  <Text span size="sm" c="orange">
                    {t('agencies.noAccount')}
                  </Text>
                </DetailField>
              )}
              <DetailField label={t('agencies.fields.notes')}>{agency.notes}</DetailField>
            </SimpleGrid>
          </Card>
          <Introductions agency={agency} editable={!deleted} />
          <ChangeHistory entries={history} table="agencies" recordId={id} />
        </>
      )}
    </RecordPage>
  );
}

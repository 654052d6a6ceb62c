import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Enterprise, Language } from '../../../shared/domain/records';
import { formatTimestamp } from '../../../shared/dates';
import {
  deleteEnterprise,
  deleteOpening,
  getEnterprise,
  enterpriseHistory,
  listOpenings,
  RecordRejectedError,
  restoreEnterprise,
  useRepositoryQuery,
} from '../../db';
import { logger } from '../../logger';
import { openEnterpriseForm } from './EnterpriseForm';
import { openOpeningForm } from './OpeningForm';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children === '' ? '—' : children}</Text>
    </div>
  );
}

async function restoreWithMessage(enterprise: Enterprise, t: TFunction): Promise<void> {
  try {
    await restoreEnterprise(enterprise.id);
    notifications.show({ color: 'teal', message: t('enterprises.restored', { name: enterprise.name }) });
  } catch (error) {
    const message =
      error instanceof RecordRejectedError
        ? t('problems.credit-code-duplicate')
        : t('app.unexpectedError', { message: String(error) });
    if (!(error instanceof RecordRejectedError)) logger.error('restoring enterprise failed', error);
    notifications.show({ color: 'red', message });
  }
}

/** Soft-deletes and offers undo in the notification, which stays long enough to be found. */
function confirmDelete(enterprise: Enterprise, t: TFunction, afterDelete: () => void): void {
  modals.openConfirmModal({
    title: t('enterprises.deleteTitle'),
    children: <Text size="sm">{t('enterprises.deleteText', { name: enterprise.name })}</Text>,
    labels: { confirm: t('common.delete'), cancel: t('common.cancel') },
    confirmProps: { color: 'red' },
    onConfirm: () => {
      void deleteEnterprise(enterprise.id).then(() => {
        const id = `deleted-${enterprise.id}`;
        notifications.show({
          id,
          autoClose: 12_000,
          message: (
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm">{t('enterprises.deleted', { name: enterprise.name })}</Text>
              <Button
                size="compact-sm"
                variant="light"
                onClick={() => {
                  notifications.hide(id);
                  void restoreWithMessage(enterprise, t);
                }}
              >
                {t('common.undo')}
              </Button>
            </Group>
          ),
        });
        afterDelete();
      });
    },
  });
}

function Openings({ enterpriseId, editable }: { enterpriseId: string; editable: boolean }) {
  const { t } = useTranslation();
  const openings = useRepositoryQuery(() => listOpenings(enterpriseId), [enterpriseId]);
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

function History({ enterpriseId }: { enterpriseId: string }) {
  const { t, i18n } = useTranslation();
  const entries = useRepositoryQuery(() => enterpriseHistory(enterpriseId), [enterpriseId]);
  if (!entries || entries.length === 0) return null;
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('enterprises.history')}
      </Title>
      <Stack gap={4}>
        {entries.map((entry) => (
          <Text size="sm" key={entry.id}>
            {formatTimestamp(entry.at, i18n.language as Language)} · {entry.operator || '—'} ·{' '}
            {t(`audit.actions.${entry.action}`)}
          </Text>
        ))}
      </Stack>
    </Card>
  );
}

export function EnterpriseDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  // `null` once the lookup found nothing, so "not found" never flashes while loading.
  const enterprise = useRepositoryQuery(async () => (await getEnterprise(id)) ?? null, [id]);
  if (enterprise === undefined) return null;

  const back = (
    <Anchor component={Link} to="/enterprises" size="sm">
      <Group gap={4}>
        <IconArrowLeft size={16} />
        {t('enterprises.title')}
      </Group>
    </Anchor>
  );
  if (enterprise === null) {
    return (
      <Stack>
        {back}
        <Alert color="red">{t('enterprises.notFound')}</Alert>
      </Stack>
    );
  }
  const deleted = Boolean(enterprise.deletedAt);
  return (
    <Stack maw={1100}>
      {back}
      {deleted && (
        <Alert color="red" variant="light">
          <Group justify="space-between">
            <Text size="sm">{t('enterprises.deletedBanner')}</Text>
            <Button size="xs" variant="light" onClick={() => void restoreWithMessage(enterprise, t)}>
              {t('enterprises.restore')}
            </Button>
          </Group>
        </Alert>
      )}
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2}>{enterprise.name}</Title>
          {enterprise.isKeyEnterprise && <Badge color="orange">{t('enterprises.key')}</Badge>}
        </Group>
        {!deleted && (
          <Group>
            <Button
              leftSection={<IconEdit size={16} />}
              variant="default"
              onClick={() => openEnterpriseForm({ t, enterprise })}
            >
              {t('common.edit')}
            </Button>
            <Button
              leftSection={<IconTrash size={16} />}
              color="red"
              variant="light"
              onClick={() => confirmDelete(enterprise, t, () => void navigate('/enterprises'))}
            >
              {t('common.delete')}
            </Button>
          </Group>
        )}
      </Group>
      <Card withBorder>
        <SimpleGrid cols={{ base: 2, md: 3 }} spacing="md">
          <Field label={t('enterprises.fields.creditCode')}>{enterprise.creditCode}</Field>
          <Field label={t('enterprises.fields.city')}>{`${enterprise.city} ${enterprise.district}`.trim()}</Field>
          <Field label={t('enterprises.fields.address')}>{enterprise.address}</Field>
          <Field label={t('enterprises.fields.contactName')}>{enterprise.contactName}</Field>
          <Field label={t('enterprises.fields.contactPhone')}>{enterprise.contactPhone}</Field>
          <Field label={t('enterprises.fields.handoverPoint')}>{enterprise.handoverPoint}</Field>
          <Field label={t('enterprises.fields.resumptionStatus')}>
            {t(`enterprises.resumption.${enterprise.resumptionStatus}`)}
          </Field>
          <Field label={t('enterprises.fields.isKeyEnterprise')}>
            {enterprise.isKeyEnterprise ? t('common.yes') : t('common.no')}
          </Field>
          <Field label={t('enterprises.fields.hrAgency')}>{enterprise.hrAgency}</Field>
          <Field label={t('enterprises.fields.notes')}>{enterprise.notes}</Field>
        </SimpleGrid>
      </Card>
      <Openings enterpriseId={enterprise.id} editable={!deleted} />
      <History enterpriseId={enterprise.id} />
    </Stack>
  );
}

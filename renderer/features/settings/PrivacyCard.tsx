import { useState } from 'react';
import { Alert, Button, Card, Group, List, NumberInput, Progress, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconShieldLock } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { SETTINGS_BOUNDS } from '@shared/domain/settings-rules';
import { formatCalendarDate, formatTimestamp } from '@shared/dates';
import {
  anonymiseExpiredPeople,
  retentionOffer,
  updateSettings,
  useRepositoryQuery,
  type BackupProgress,
  type RetentionOffer,
} from '../../db';
import { numberFrom, type NumberFieldValue } from '../../components/field-problems';
import { saveFromForm } from '../../components/save-from-form';
import { EXACT_NUMBER } from '../../components/exact-number';
import { useUnsavedChanges } from '../../components/unsaved-changes';
import { logger } from '../../logger';
import { backUpBeforeAnonymising } from '../privacy/backup-first';
import { useLanguage } from '../../i18n/use-language';

interface PrivacyCardProps {
  /** The stored retention period in days; the form starts from it. */
  retentionDays: number;
}

/** Batches listed by name in the offer; more are counted. */
const LISTED_BATCHES = 8;

/** What the anonymisation is doing: nothing, backing up (with progress), or writing. */
type Phase = { kind: 'idle' } | { kind: 'backup'; progress: BackupProgress | null } | { kind: 'anonymise' };

function isInRange(value: number): boolean {
  const { min, max } = SETTINGS_BOUNDS.retentionDays;
  return Number.isInteger(value) && value >= min && value <= max;
}

/** The retention period, saved on its own (the policy form above keeps its own fields). */
function RetentionForm({ retentionDays }: PrivacyCardProps) {
  const { t } = useTranslation();
  const form = useForm<{ retentionDays: NumberFieldValue }>({
    mode: 'controlled',
    initialValues: { retentionDays },
    validate: {
      retentionDays: (value) => (isInRange(numberFrom(value)) ? null : t('audit.privacy.retentionRange')),
    },
    validateInputOnBlur: true,
  });
  useUnsavedChanges('retention', form.isDirty());
  const submit = form.onSubmit(async (values) => {
    const days = numberFrom(values.retentionDays);
    // The refusal's code is this card's own: its text lives in the audit part, not in `problems`.
    const showProblems = () => form.setErrors({ retentionDays: t('audit.privacy.retentionRange') });
    if (!(await saveFromForm(() => updateSettings({ retentionDays: days }, { retentionDays }), showProblems, t)))
      return;
    notifications.show({ color: 'teal', message: t('audit.privacy.saved') });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-end">
        <NumberInput
          label={t('audit.privacy.retentionDays')}
          description={t('audit.privacy.retentionHint')}
          {...EXACT_NUMBER}
          w={420}
          {...form.getInputProps('retentionDays')}
        />
        {/* Its own name: the settings page has other 保存 buttons, and people (and tests) tell them apart. */}
        <Button
          type="submit"
          variant="default"
          disabled={!form.isDirty()}
          aria-label={t('audit.privacy.saveRetention')}
        >
          {t('common.save')}
        </Button>
      </Group>
    </form>
  );
}

/** Asks, then backs up, then anonymises; says how it went. */
async function anonymise(offer: RetentionOffer, setPhase: (phase: Phase) => void, t: TFunction): Promise<void> {
  setPhase({ kind: 'backup', progress: null });
  let backupName: string;
  try {
    backupName = await backUpBeforeAnonymising((progress) => setPhase({ kind: 'backup', progress }));
  } catch (error) {
    logger.error('backup before anonymising failed', error);
    notifications.show({ color: 'red', message: t('audit.privacy.backupUnavailable') });
    setPhase({ kind: 'idle' });
    return;
  }
  setPhase({ kind: 'anonymise' });
  try {
    const report = await anonymiseExpiredPeople({ backupName, batchIds: offer.batches.map((batch) => batch.id) });
    notifications.show({
      color: 'teal',
      message: t('audit.privacy.done', {
        people: report.people,
        batches: report.batches,
        rows: report.redactedAuditRows,
      }),
    });
  } catch (error) {
    logger.error('anonymising failed', error);
    notifications.show({ color: 'red', message: t('audit.privacy.failed', { message: String(error) }) });
  } finally {
    setPhase({ kind: 'idle' });
  }
}

/**
 * Privacy in settings (issue 7): the retention period, and the offer to anonymise the people of
 * batches closed longer than it. Never automatic: a confirmation first, then a backup, then the change.
 */
export function PrivacyCard({ retentionDays }: PrivacyCardProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const offer = useRepositoryQuery(retentionOffer, []);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });

  const confirm = (current: RetentionOffer) =>
    modals.openConfirmModal({
      title: t('audit.privacy.confirmTitle', { people: current.people }),
      children: (
        <Stack gap="xs">
          <Text size="sm">{t('audit.privacy.confirmText')}</Text>
          <Text size="sm" c="dimmed">
            {t('audit.privacy.what')}
          </Text>
        </Stack>
      ),
      labels: { confirm: t('audit.privacy.confirm'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => void anonymise(current, setPhase, t),
    });

  const busy = phase.kind !== 'idle';
  return (
    <Card withBorder data-testid="privacy-card">
      <Title order={4} mb="sm">
        {t('audit.privacy.title')}
      </Title>
      <Stack gap="md">
        <RetentionForm retentionDays={retentionDays} />
        {offer &&
          (offer.people === 0 ? (
            <Text size="sm" c="dimmed" data-testid="retention-offer" data-people={0}>
              {t('audit.privacy.none')}
            </Text>
          ) : (
            <Alert color="orange" variant="light" data-testid="retention-offer" data-people={offer.people}>
              <Stack gap="xs">
                <Text size="sm" fw={500}>
                  {t('audit.privacy.offer', { batches: offer.batches.length, people: offer.people })}
                </Text>
                <List size="sm">
                  {offer.batches.slice(0, LISTED_BATCHES).map((batch) => (
                    <List.Item key={batch.id}>
                      {t('audit.privacy.batchLine', {
                        name: batch.name,
                        date: formatCalendarDate(batch.date, language),
                        closed: formatTimestamp(batch.closedAt, language),
                        people: batch.people,
                      })}
                    </List.Item>
                  ))}
                </List>
                {offer.batches.length > LISTED_BATCHES && (
                  <Text size="sm">{t('audit.changes.more', { count: offer.batches.length - LISTED_BATCHES })}</Text>
                )}
                <Text size="sm" c="dimmed">
                  {t('audit.privacy.what')}
                </Text>
                {phase.kind === 'backup' && (
                  <Stack gap={4}>
                    <Text size="sm">{t('audit.privacy.backingUp')}</Text>
                    <Progress
                      value={
                        phase.progress && phase.progress.total > 0
                          ? (100 * phase.progress.done) / phase.progress.total
                          : 0
                      }
                      animated
                    />
                  </Stack>
                )}
                {phase.kind === 'anonymise' && <Text size="sm">{t('audit.privacy.running')}</Text>}
                <Group>
                  <Button
                    color="red"
                    variant="light"
                    leftSection={<IconShieldLock size={16} />}
                    loading={busy}
                    onClick={() => confirm(offer)}
                  >
                    {t('audit.privacy.action')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          ))}
      </Stack>
    </Card>
  );
}

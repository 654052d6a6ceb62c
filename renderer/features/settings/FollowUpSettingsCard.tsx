import { useState } from 'react';
import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  Progress,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LiaisonStation, OfficeStaff, Settings } from '@shared/domain/records';
import { rescheduleFollowUps, updateSettings, type RescheduleProgress } from '../../db';
import { saveFromForm } from '../../components/save-from-form';
import { useUnsavedChanges } from '../../components/unsaved-changes';
import { logger } from '../../logger';

type FollowUpSettings = Pick<Settings, 'contactDays' | 'staff' | 'liaisonStations'>;

/** The contact points as typed: 7, 30, 90 or 7，30、90 or 7 30 90; a word that is no whole number stays NaN for the rules. */
export function readContactDays(text: string): number[] {
  return text
    .split(/[\s,，、;；]+/)
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : NaN));
}

/** An entry not stored yet: it may be removed; stored ones are kept (old contacts name them) and set inactive. */
interface Row<T> {
  entry: T;
  isNew: boolean;
}

/**
 * The follow-up's settings (issue 17, item 3): the contact points in days after the handover, the
 * office's staff list (name, phone, active) and its liaison stations (name, city). Saved together;
 * a change of the contact points then works out every follow-up's next due date again, chunk by
 * chunk with its progress shown (renderer/db/repositories/followup-desk.ts).
 */
export function FollowUpSettingsCard({ settings }: { settings: FollowUpSettings }) {
  const { t } = useTranslation();
  const [daysText, setDaysText] = useState(settings.contactDays.join(', '));
  const [staff, setStaff] = useState<Row<OfficeStaff>[]>(settings.staff.map((entry) => ({ entry, isNew: false })));
  const [stations, setStations] = useState<Row<LiaisonStation>[]>(
    settings.liaisonStations.map((entry) => ({ entry, isNew: false })),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [progress, setProgress] = useState<RescheduleProgress | null>(null);
  const [failed, setFailed] = useState(false);

  const patch: FollowUpSettings = {
    contactDays: readContactDays(daysText),
    staff: staff.map(({ entry }) => ({ ...entry, name: entry.name.trim(), phone: entry.phone.trim() })),
    liaisonStations: stations.map(({ entry }) => ({ ...entry, name: entry.name.trim(), city: entry.city.trim() })),
  };
  const dirty =
    JSON.stringify(patch) !==
    JSON.stringify({
      contactDays: settings.contactDays,
      staff: settings.staff,
      liaisonStations: settings.liaisonStations,
    });
  useUnsavedChanges('follow-up-settings', dirty);
  const busy = progress !== null;

  const save = async () => {
    setErrors({});
    setFailed(false);
    const daysChanged = patch.contactDays.join() !== settings.contactDays.join();
    const saved = await saveFromForm(() => updateSettings(patch, settings), setErrors, t);
    if (!saved) return;
    // After a stop, saving again finishes the work even when the points are as stored.
    if (daysChanged || failed) {
      try {
        setProgress({ done: 0, total: 0 });
        const changed = await rescheduleFollowUps(saved.contactDays, setProgress);
        notifications.show({ color: 'teal', message: t('followup.settings.rescheduled', { count: changed }) });
      } catch (error) {
        logger.error('working out the follow-ups again failed', error);
        setFailed(true);
      } finally {
        setProgress(null);
      }
    }
    notifications.show({ color: 'teal', message: t('followup.settings.saved') });
  };

  const editStaff = (index: number, change: Partial<OfficeStaff>) =>
    setStaff((rows) => rows.map((row, at) => (at === index ? { ...row, entry: { ...row.entry, ...change } } : row)));
  const editStation = (index: number, change: Partial<LiaisonStation>) =>
    setStations((rows) => rows.map((row, at) => (at === index ? { ...row, entry: { ...row.entry, ...change } } : row)));

  return (
    <Card withBorder component="section" aria-labelledby="follow-up-settings-title" data-testid="follow-up-settings">
      <Title order={4} id="follow-up-settings-title">
        {t('followup.settings.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('followup.settings.hint')}
      </Text>
      <Stack>
        <TextInput
          label={t('followup.settings.contactDays')}
          description={t('followup.settings.contactDaysHint')}
          value={daysText}
          onChange={(event) => setDaysText(event.currentTarget.value)}
          error={errors.contactDays}
          maw={420}
        />

        <Stack gap={6}>
          <Text fw={500}>{t('followup.settings.staff')}</Text>
          {staff.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('followup.settings.noStaff')}
            </Text>
          )}
          {staff.map(({ entry, isNew }, index) => (
            <Group key={entry.id} gap="xs" wrap="nowrap" data-testid="staff-row">
              <TextInput
                aria-label={t('followup.settings.staffName')}
                placeholder={t('followup.settings.staffName')}
                value={entry.name}
                onChange={(event) => editStaff(index, { name: event.currentTarget.value })}
              />
              <TextInput
                aria-label={t('followup.settings.staffPhone')}
                placeholder={t('followup.settings.staffPhone')}
                value={entry.phone}
                onChange={(event) => editStaff(index, { phone: event.currentTarget.value })}
              />
              <Checkbox
                label={t('followup.settings.staffActive')}
                checked={entry.active}
                onChange={(event) => editStaff(index, { active: event.currentTarget.checked })}
              />
              {isNew && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('followup.settings.remove')}
                  onClick={() => setStaff((rows) => rows.filter((_, at) => at !== index))}
                >
                  <IconTrash size={18} />
                </ActionIcon>
              )}
            </Group>
          ))}
          {errors.staff && (
            <Text size="sm" c="red" role="alert">
              {errors.staff}
            </Text>
          )}
          <Group>
            <Button
              variant="default"
              size="xs"
              leftSection={<IconPlus size={16} />}
              onClick={() =>
                setStaff((rows) => [
                  ...rows,
                  { entry: { id: crypto.randomUUID(), name: '', phone: '', active: true }, isNew: true },
                ])
              }
            >
              {t('followup.settings.addStaff')}
            </Button>
          </Group>
        </Stack>

        <Stack gap={6}>
          <Text fw={500}>{t('followup.settings.stations')}</Text>
          {stations.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('followup.settings.noStations')}
            </Text>
          )}
          {stations.map(({ entry, isNew }, index) => (
            <Group key={entry.id} gap="xs" wrap="nowrap" data-testid="station-row">
              <TextInput
                aria-label={t('followup.settings.stationName')}
                placeholder={t('followup.settings.stationName')}
                value={entry.name}
                onChange={(event) => editStation(index, { name: event.currentTarget.value })}
              />
              <TextInput
                aria-label={t('followup.settings.stationCity')}
                placeholder={t('followup.settings.stationCity')}
                value={entry.city}
                onChange={(event) => editStation(index, { city: event.currentTarget.value })}
              />
              {isNew && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('followup.settings.remove')}
                  onClick={() => setStations((rows) => rows.filter((_, at) => at !== index))}
                >
                  <IconTrash size={18} />
                </ActionIcon>
              )}
            </Group>
          ))}
          {errors.liaisonStations && (
            <Text size="sm" c="red" role="alert">
              {errors.liaisonStations}
            </Text>
          )}
          <Group>
            <Button
              variant="default"
              size="xs"
              leftSection={<IconPlus size={16} />}
              onClick={() =>
                setStations((rows) => [
                  ...rows,
                  { entry: { id: crypto.randomUUID(), name: '', city: '' }, isNew: true },
                ])
              }
            >
              {t('followup.settings.addStation')}
            </Button>
          </Group>
        </Stack>

        {progress && (
          <Stack gap={4} data-testid="reschedule-progress">
            <Text size="sm">{t('followup.settings.rescheduling', { done: progress.done, total: progress.total })}</Text>
            <Progress value={progress.total === 0 ? 0 : (100 * progress.done) / progress.total} />
          </Stack>
        )}
        {failed && (
          <Alert color="red" role="alert">
            {t('followup.settings.rescheduleFailed')}
          </Alert>
        )}
        <Group>
          <Button onClick={() => void save()} disabled={busy || (!dirty && !failed)}>
            {/* Its own name: the settings page has other 保存 buttons, and people (and tests) tell them apart. */}
            {t('followup.settings.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Settings } from '@shared/domain/records';
import { checkSettings, type SettingsInput } from '@shared/domain/settings-rules';
import type { AppInfo } from '@shared/bridge';
import { getSettings, updateSettings, useRepositoryQuery } from '../../db';
import { platform } from '../../platform';
import { numberFrom, problemMessages, type NumberFieldValue } from '../../components/field-problems';
import { conflictMerge, saveFromForm } from '../../components/save-from-form';
import { useConflictResolver } from '../../components/ConflictDialog';
import { EXACT_NUMBER } from '../../components/exact-number';
import { UnsavedChangesGuard, useUnsavedChanges } from '../../components/unsaved-changes';
import { ManifestColumnsCard } from './ManifestColumnsCard';
import { BackupsCard } from './BackupsCard';
import { PrivacyCard } from './PrivacyCard';
import { FollowUpSettingsCard } from './FollowUpSettingsCard';
import { SubsidySchemesCard } from './SubsidySchemesCard';
import { SyncConnectionCard } from './SyncConnectionCard';
import { languageOf, useLanguage } from '../../i18n/use-language';

/** The form edits the load factor in percent, as people say it; the record keeps a fraction. */
type NumberKey =
  'feverThresholdC' | 'checkValidityHours' | 'recheckIntervalMinutes' | 'workingAgeMin' | 'workingAgeMax';
type SettingsForm = Omit<
  SettingsInput,
  | 'language'
  | 'loadFactor'
  | 'manifestColumns'
  | 'retentionDays'
  | 'contactDays'
  | 'staff'
  | 'liaisonStations'
  | NumberKey
> &
  Record<NumberKey | 'loadPercent', NumberFieldValue>;

function toForm(settings: Settings): SettingsForm {
  return {
    operatorName: settings.operatorName,
    organizationName: settings.organizationName,
    countyCode: settings.countyCode,
    feverThresholdC: settings.feverThresholdC,
    checkValidityHours: settings.checkValidityHours,
    recheckIntervalMinutes: settings.recheckIntervalMinutes,
    loadPercent: Math.round(settings.loadFactor * 100),
    workingAgeMin: settings.workingAgeMin,
    workingAgeMax: settings.workingAgeMax,
  };
}

function fromForm(
  values: SettingsForm,
  settings: Pick<
    Settings,
    'language' | 'manifestColumns' | 'retentionDays' | 'contactDays' | 'staff' | 'liaisonStations'
  >,
): SettingsInput {
  const { loadPercent, ...rest } = values;
  return {
    ...rest,
    feverThresholdC: numberFrom(rest.feverThresholdC),
    checkValidityHours: numberFrom(rest.checkValidityHours),
    recheckIntervalMinutes: numberFrom(rest.recheckIntervalMinutes),
    workingAgeMin: numberFrom(rest.workingAgeMin),
    workingAgeMax: numberFrom(rest.workingAgeMax),
    loadFactor: numberFrom(loadPercent) / 100,
    language: settings.language,
    manifestColumns: settings.manifestColumns,
    retentionDays: settings.retentionDays,
    contactDays: settings.contactDays,
    staff: settings.staff,
    liaisonStations: settings.liaisonStations,
  };
}

/** The record's loadFactor is the form's loadPercent. */
function toFormErrors({ loadFactor, ...rest }: Record<string, string>): Record<string, string> {
  return loadFactor ? { ...rest, loadPercent: loadFactor } : rest;
}

/** The settings this form saves, as a stored record holds them (the conflict dialog compares these). */
function policyOf(settings: Settings): Omit<SettingsInput, 'language' | 'manifestColumns' | 'retentionDays'> {
  const {
    language: _language,
    manifestColumns: _columns,
    retentionDays: _days,
    ...policy
  } = fromForm(toForm(settings), settings);
  return { ...policy, loadFactor: settings.loadFactor };
}

function PolicyForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const conflicts = useConflictResolver();
  const form = useForm<SettingsForm>({
    mode: 'controlled',
    initialValues: toForm(settings),
    validate: (values) => toFormErrors(problemMessages(checkSettings(fromForm(values, settings)), t)),
    validateInputOnBlur: true,
  });
  useUnsavedChanges('policy', form.isDirty());

  const submit = form.onSubmit(async (values) => {
    const {
      language: _language,
      manifestColumns: _columns,
      retentionDays: _days,
      ...patch
    } = fromForm(values, settings);
    const showProblems = (messages: Record<string, string>) => form.setErrors(toFormErrors(messages));
    const merge = conflictMerge(conflicts, policyOf, (merged, stored: Settings) => updateSettings(merged, stored));
    if (!(await saveFromForm(() => updateSettings(patch, settings), showProblems, t, merge))) return;
    form.resetDirty();
    notifications.show({ color: 'teal', message: t('settings.saved') });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Card withBorder>
          <Title order={4} mb="sm">
            {t('settings.operator')}
          </Title>
          <SimpleGrid cols={2}>
            <TextInput
              label={t('settings.operatorName')}
              description={t('settings.operatorHint')}
              {...form.getInputProps('operatorName')}
            />
            <TextInput
              label={t('settings.organizationName')}
              description={t('settings.organizationHint')}
              {...form.getInputProps('organizationName')}
            />
            <TextInput
              label={t('settings.countyCode')}
              description={t('settings.countyCodeHint')}
              maxLength={6}
              {...form.getInputProps('countyCode')}
            />
          </SimpleGrid>
        </Card>
        <Card withBorder>
          <Title order={4} mb="sm">
            {t('settings.policy')}
          </Title>
          <SimpleGrid cols={3}>
            <NumberInput
              label={t('settings.feverThresholdC')}
              description={t('settings.feverHint')}
              {...EXACT_NUMBER}
              step={0.1}
              {...form.getInputProps('feverThresholdC')}
            />
            <NumberInput
              label={t('settings.checkValidityHours')}
              description={t('settings.validityHint')}
              {...EXACT_NUMBER}
              {...form.getInputProps('checkValidityHours')}
            />
            <NumberInput
              label={t('settings.recheckIntervalMinutes')}
              description={t('settings.recheckHint')}
              {...EXACT_NUMBER}
              {...form.getInputProps('recheckIntervalMinutes')}
            />
            <NumberInput
              label={t('settings.loadFactor')}
              description={t('settings.loadFactorHint')}
              {...EXACT_NUMBER}
              suffix="%"
              {...form.getInputProps('loadPercent')}
            />
            <NumberInput
              label={t('settings.workingAgeMin')}
              description={t('settings.workingAgeHint')}
              {...EXACT_NUMBER}
              {...form.getInputProps('workingAgeMin')}
            />
            <NumberInput
              label={t('settings.workingAgeMax')}
              description={t('settings.workingAgeHint')}
              {...EXACT_NUMBER}
              {...form.getInputProps('workingAgeMax')}
            />
          </SimpleGrid>
        </Card>
        <Group>
          <Button type="submit">{t('common.save')}</Button>
        </Group>
      </Stack>
      {conflicts.dialog}
    </form>
  );
}

function StorageCard() {
  const { t } = useTranslation();
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    void navigator.storage
      ?.persisted()
      .then(setPersisted)
      .catch(() => setPersisted(null));
    void platform.appInfo().then(setInfo);
  }, []);
  const message =
    persisted === null ? 'settings.persistUnknown' : persisted ? 'settings.persistGranted' : 'settings.persistDenied';
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('settings.storage')}
      </Title>
      <Stack gap="xs">
        <Alert color={persisted ? 'teal' : 'yellow'} variant="light" data-testid="persistence">
          {t(message)}
        </Alert>
        <Text size="sm">
          {t('settings.dataFolder')}: {info?.dataFolder || t('settings.browserStorage')}
        </Text>
        <Text size="sm">
          {t('settings.version')}: {info?.version}
        </Text>
      </Stack>
    </Card>
  );
}

export function SettingsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const settings = useRepositoryQuery(getSettings, []);
  if (!settings) return null;
  return (
    <UnsavedChangesGuard>
      <Stack maw={960}>
        <Title order={2}>{t('settings.title')}</Title>
        <Card withBorder>
          <Group>
            <Text fw={500}>{t('settings.language')}</Text>
            <SegmentedControl
              value={language}
              onChange={(value) => void updateSettings({ language: languageOf(value) })}
              data={[
                { value: 'zh-CN', label: '中文' },
                { value: 'en', label: 'English' },
              ]}
            />
          </Group>
        </Card>
        {/* Keyed by the stored values it shows: a change made in another window refills the form,
          while switching the language keeps what is being typed. */}
        <PolicyForm key={JSON.stringify(toForm(settings))} settings={settings} />
        <ManifestColumnsCard key={settings.manifestColumns.join()} columns={settings.manifestColumns} />
        <FollowUpSettingsCard settings={settings} />
        <SubsidySchemesCard />
        <PrivacyCard key={settings.retentionDays} retentionDays={settings.retentionDays} />
        <SyncConnectionCard settings={settings} />
        <StorageCard />
        <BackupsCard />
      </Stack>
    </UnsavedChangesGuard>
  );
}

import {
  ActionIcon,
  Button,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SETTINGS, type Batch, type Route, type StaffMember } from '@shared/domain/records';
import { SETTINGS_BOUNDS } from '@shared/domain/settings-rules';
import { addCalendarDays, todayCalendarDate } from '@shared/dates';
import { checkBatch, pastDateWarning, type BatchInput } from '@shared/domain/batch-rules';
import { BATCH_TEXT_BOUNDS } from '@shared/domain/field-bounds';
import { createBatch, getSettings, listRoutes, updateBatch, useRepositoryQuery } from '../../db';
import { problemMessage, problemMessages } from '../../components/field-problems';
import { conflictMerge, saveFromForm } from '../../components/save-from-form';
import { useConflictResolver } from '../../components/ConflictDialog';
import { FormActions } from '../../components/FormActions';
import { DateField } from '../../components/DateField';
import { EXACT_NUMBER } from '../../components/exact-number';

function inputOf(batch: Batch): BatchInput {
  const { name, routeId, date, organizer, escorts, medics, legs, notes } = batch;
  return { name, routeId, date, organizer, escorts, medics, legs, notes, loadFactor: batch.loadFactor ?? null };
}

/** A new batch leaves in a week by default: the usual lead time for booking a charter. */
function emptyInput(): BatchInput {
  return {
    name: '',
    routeId: '',
    date: addCalendarDays(todayCalendarDate(), 7),
    organizer: '',
    escorts: [],
    medics: [],
    legs: [],
    notes: '',
    loadFactor: null,
  };
}

/** The batch's legs for a route: the legs it keeps (with their vehicles), new ones empty. */
function legsFor(route: Route | undefined, current: BatchInput['legs']): BatchInput['legs'] {
  if (!route) return [];
  return route.legs.map((leg) => current.find((kept) => kept.legId === leg.id) ?? { legId: leg.id, vehicles: [] });
}

const newMember = (): StaffMember => ({ id: crypto.randomUUID(), name: '', phone: '' });

/**
 * The batch form's state: checked by the same rules as the repository, as soon as a field is left.
 * A new batch may not be dated before today (Beijing); a stored one may, with a warning beside its
 * date (pastDateWarning), since a batch that has travelled is still edited afterwards.
 */
function useBatchForm(initialValues: BatchInput, routes: readonly Route[], t: TFunction, isNew = false) {
  return useForm<BatchInput>({
    mode: 'controlled',
    initialValues,
    validate: (values) =>
      problemMessages(
        checkBatch(
          values,
          routes.find((route) => route.id === values.routeId),
          isNew ? { newOn: todayCalendarDate() } : {},
        ),
        t,
      ),
  });
}

interface StaffFieldsProps {
  /** Which list of the form: escorts or medics. */
  list: 'escorts' | 'medics';
  /** The batch form holding the list. */
  form: ReturnType<typeof useBatchForm>;
}

/** Names and phones of the escorts or the medics, one row each. */
function StaffFields({ list, form }: StaffFieldsProps) {
  const { t } = useTranslation();
  const members = form.getValues()[list];
  return (
    <Stack gap={6}>
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          {t(`batches.fields.${list}`)}
        </Text>
        <Button
          size="compact-xs"
          variant="light"
          leftSection={<IconPlus size={14} />}
          onClick={() => form.insertListItem(list, newMember())}
        >
          {t(`batches.add-${list}`)}
        </Button>
      </Group>
      {members.map((member, index) => (
        <Group key={member.id} gap="xs" align="start" wrap="nowrap">
          <TextInput
            aria-label={t(`batches.staffName-${list}`, { n: index + 1 })}
            placeholder={t('batches.fields.staffName')}
            {...form.getInputProps(`${list}.${index}.name`)}
          />
          <TextInput
            aria-label={t(`batches.staffPhone-${list}`, { n: index + 1 })}
            placeholder={t('batches.fields.staffPhone')}
            {...form.getInputProps(`${list}.${index}.phone`)}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            mt={6}
            aria-label={t('common.delete')}
            onClick={() => form.removeListItem(list, index)}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
    </Stack>
  );
}

/** A load factor as the percent a coordinator types: 0.35 is 35, not 35.00000000000001. */
const percentOf = (loadFactor: number): number => Math.round(loadFactor * 1000) / 10;

/**
 * The batch's own load factor in percent; blank means the Settings value, which the field shows as
 * its placeholder. Checked against the bounds Settings use.
 */
function LoadFactorField({ form }: { form: ReturnType<typeof useBatchForm> }) {
  const { t } = useTranslation();
  const settings = useRepositoryQuery(getSettings, []);
  const own = form.getValues().loadFactor;
  const settingsPercent = percentOf(settings?.loadFactor ?? DEFAULT_SETTINGS.loadFactor);
  return (
    <NumberInput
      label={t('batches.fields.loadFactor')}
      description={t('batches.fields.loadFactorHint', { percent: settingsPercent })}
      placeholder={t('batches.fields.loadFactorPlaceholder', { percent: settingsPercent })}
      suffix="%"
      {...EXACT_NUMBER}
      min={SETTINGS_BOUNDS.loadFactor.min * 100}
      max={SETTINGS_BOUNDS.loadFactor.max * 100}
      decimalScale={1}
      value={own === null || own === undefined ? '' : percentOf(own)}
      onChange={(value) =>
        form.setFieldValue('loadFactor', value === '' || value === undefined ? null : Number(value) / 100)
      }
      onBlur={() => form.validateField('loadFactor')}
      error={form.errors.loadFactor}
      data-testid="batch-load-factor"
    />
  );
}

interface BatchFormProps {
  /** The batch to edit; a new draft is created when absent. */
  batch?: Batch;
  /** Called with the stored batch after a successful save. */
  onSaved: (batch: Batch) => void;
  /** Called when the user gives up without saving. */
  onCancel: () => void;
}

/** Name, route, date, organizer, escorts and medics of a batch. Vehicles are edited per leg on the batch's page. */
export function BatchForm({ batch, onSaved, onCancel }: BatchFormProps) {
  const { t } = useTranslation();
  const conflicts = useConflictResolver();
  const routes = useRepositoryQuery(listRoutes, []) ?? [];
  const form = useBatchForm(batch ? inputOf(batch) : emptyInput(), routes, t, !batch);
  const pastDate = batch ? pastDateWarning(form.getValues().date, todayCalendarDate()) : null;

  const submit = form.onSubmit(async (values) => {
    const route = routes.find((candidate) => candidate.id === values.routeId);
    const input = { ...values, legs: legsFor(route, values.legs) };
    const saved = await saveFromForm(
      () => (batch ? updateBatch(batch.id, input, batch) : createBatch(input)),
      form.setErrors,
      t,
      batch && conflictMerge(conflicts, inputOf, (merged, stored) => updateBatch(batch.id, merged, stored)),
    );
    if (!saved) return;
    notifications.show({
      color: 'teal',
      message: t(batch ? 'batches.updated' : 'batches.created', { name: saved.name }),
    });
    onSaved(saved);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label={t('batches.fields.name')} withAsterisk data-autofocus {...form.getInputProps('name')} />
        <SimpleGrid cols={2}>
          <Select
            label={t('batches.fields.route')}
            withAsterisk
            data={routes.map((route) => ({ value: route.id, label: route.name }))}
            nothingFoundMessage={t('batches.noRoutes')}
            allowDeselect={false}
            {...form.getInputProps('routeId')}
          />
          <DateField
            label={t('batches.fields.date')}
            withAsterisk
            description={
              pastDate && (
                <Text span size="xs" c="orange.8" data-testid="batch-date-past">
                  {problemMessage(pastDate, t)}
                </Text>
              )
            }
            {...form.getInputProps('date')}
          />
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <TextInput label={t('batches.fields.organizer')} {...form.getInputProps('organizer')} />
          <LoadFactorField form={form} />
        </SimpleGrid>
        <StaffFields list="escorts" form={form} />
        <StaffFields list="medics" form={form} />
        <Textarea
          label={t('batches.fields.notes')}
          description={t('common.maxCharacters', { max: BATCH_TEXT_BOUNDS.notes })}
          autosize
          minRows={2}
          {...form.getInputProps('notes')}
        />
        <FormActions onCancel={onCancel} submitting={form.submitting} />
      </Stack>
      {conflicts.dialog}
    </form>
  );
}

/** Opens the batch form in a modal. */
export function openBatchForm({
  t,
  batch,
  onSaved,
}: {
  t: TFunction;
  batch?: Batch;
  onSaved?: (batch: Batch) => void;
}) {
  const id = modals.open({
    title: batch ? t('batches.edit') : t('batches.add'),
    size: 'lg',
    children: (
      <BatchForm
        batch={batch}
        onCancel={() => modals.close(id)}
        onSaved={(saved) => {
          modals.close(id);
          onSaved?.(saved);
        }}
      />
    ),
  });
}

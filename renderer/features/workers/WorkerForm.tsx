import {
  Alert,
  Autocomplete,
  List,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  TextInput,
  Textarea,
  Input,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { POVERTY_STATUSES, WORKER_STATUSES, type Settings, type Worker } from '@shared/domain/records';
import { WORKER_TEXT_BOUNDS } from '@shared/domain/field-bounds';
import { checkWorker, workerInputOf, type WorkerInput, type WorkerProblem } from '@shared/domain/worker-rules';
import { BAISE_COUNTIES } from '@shared/domain/regions';
import { todayCalendarDate } from '@shared/dates';
import { createWorker, getSettings, updateWorker, useRepositoryQuery } from '../../db';
import { conflictMerge, saveFromForm } from '../../components/save-from-form';
import { useConflictResolver } from '../../components/ConflictDialog';
import { problemMessage, problemMessages } from '../../components/field-problems';
import { FormActions } from '../../components/FormActions';

const EMPTY: WorkerInput = {
  name: '',
  residentId: '',
  phone: '',
  gender: null,
  county: '',
  township: '',
  village: '',
  household: '',
  povertyStatus: 'none',
  skills: [],
  wantedJob: '',
  emergencyContactName: '',
  emergencyContactPhone: '',
  enterpriseId: null,
  openingId: null,
  status: 'registered',
  notes: '',
};

function problemsOf(values: WorkerInput, settings: Settings): WorkerProblem[] {
  return checkWorker(values, {
    today: todayCalendarDate(),
    workingAge: { min: settings.workingAgeMin, max: settings.workingAgeMax },
  }).problems;
}

interface WorkerFormProps {
  /** The worker to edit; a new one is registered when absent. */
  worker?: Worker;
  /** The settings: the working age range for the checks. */
  settings: Settings;
  /** Called with the stored worker after a successful save. */
  onSaved: (worker: Worker) => void;
  /** Called when the user gives up without saving. */
  onCancel: () => void;
}

function WorkerForm({ worker, settings, onSaved, onCancel }: WorkerFormProps) {
  const { t } = useTranslation();
  const conflicts = useConflictResolver();
  const form = useForm<WorkerInput>({
    mode: 'controlled',
    initialValues: worker ? workerInputOf(worker) : EMPTY,
    validate: (values) =>
      problemMessages(
        problemsOf(values, settings).filter((problem) => problem.severity === 'error'),
        t,
      ),
    validateInputOnBlur: true,
  });
  const warnings = problemsOf(form.values, settings).filter(
    (problem) => problem.severity === 'warning' && form.isTouched(problem.field),
  );

  const submit = form.onSubmit(async (values) => {
    const saved = await saveFromForm(
      () => (worker ? updateWorker(worker.id, values, worker) : createWorker(values)),
      form.setErrors,
      t,
      worker &&
        conflictMerge(
          conflicts,
          (record: Worker) => workerInputOf(record),
          (merged, stored) => updateWorker(worker.id, merged, stored),
        ),
    );
    if (!saved) return;
    notifications.show({
      color: 'teal',
      message: t(worker ? 'workers.updated' : 'workers.created', { name: saved.name }),
    });
    onSaved(saved);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SimpleGrid cols={2}>
          <TextInput label={t('workers.fields.name')} withAsterisk data-autofocus {...form.getInputProps('name')} />
          <Input.Wrapper label={t('workers.fields.gender')} description={t('workers.hints.gender')}>
            <SegmentedControl
              fullWidth
              value={form.values.gender ?? ''}
              onChange={(value) => form.setFieldValue('gender', value === '' ? null : value)}
              data={[
                { value: '', label: t('workers.gender.fromId') },
                { value: 'male', label: t('workers.gender.male') },
                { value: 'female', label: t('workers.gender.female') },
              ]}
            />
          </Input.Wrapper>
          <TextInput
            label={t('workers.fields.residentId')}
            withAsterisk
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            {...form.getInputProps('residentId')}
          />
          <TextInput label={t('workers.fields.phone')} withAsterisk {...form.getInputProps('phone')} />
          <Autocomplete
            label={t('workers.fields.county')}
            data={BAISE_COUNTIES.map((county) => county.name)}
            {...form.getInputProps('county')}
          />
          <TextInput label={t('workers.fields.township')} {...form.getInputProps('township')} />
          <TextInput label={t('workers.fields.village')} {...form.getInputProps('village')} />
          <TextInput
            label={t('workers.fields.household')}
            description={t('workers.hints.household')}
            {...form.getInputProps('household')}
          />
          <Select
            label={t('workers.fields.povertyStatus')}
            data={POVERTY_STATUSES.map((value) => ({ value, label: t(`workers.poverty.${value}`) }))}
            allowDeselect={false}
            {...form.getInputProps('povertyStatus')}
          />
          <Select
            label={t('workers.fields.status')}
            data={WORKER_STATUSES.map((value) => ({ value, label: t(`workers.status.${value}`) }))}
            allowDeselect={false}
            {...form.getInputProps('status')}
          />
          <TagsInput
            label={t('workers.fields.skills')}
            description={t('workers.hints.skills')}
            splitChars={[',', '，', '、', ';', '；']}
            {...form.getInputProps('skills')}
          />
          <TextInput label={t('workers.fields.wantedJob')} {...form.getInputProps('wantedJob')} />
          <TextInput label={t('workers.fields.emergencyContactName')} {...form.getInputProps('emergencyContactName')} />
          <TextInput
            label={t('workers.fields.emergencyContactPhone')}
            {...form.getInputProps('emergencyContactPhone')}
          />
        </SimpleGrid>
        <Textarea
          label={t('workers.fields.notes')}
          description={t('common.maxCharacters', { max: WORKER_TEXT_BOUNDS.notes })}
          autosize
          minRows={2}
          {...form.getInputProps('notes')}
        />
        {warnings.length > 0 && (
          <Alert color="yellow" title={t('workers.warnings')} data-testid="worker-warnings">
            <List size="sm">
              {warnings.map((problem) => (
                <List.Item key={`${problem.field}-${problem.code}`}>{problemMessage(problem, t)}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <FormActions onCancel={onCancel} />
      </Stack>
      {conflicts.dialog}
    </form>
  );
}

function WorkerFormWithSettings(props: Omit<WorkerFormProps, 'settings'>) {
  const settings = useRepositoryQuery(getSettings, []);
  return settings ? <WorkerForm {...props} settings={settings} /> : null;
}

export function openWorkerForm(options: { t: TFunction; worker?: Worker; onSaved?: (worker: Worker) => void }): void {
  const id = modals.open({
    title: options.t(options.worker ? 'workers.editTitle' : 'workers.createTitle'),
    size: 'xl',
    closeOnClickOutside: false,
    children: (
      <WorkerFormWithSettings
        worker={options.worker}
        onCancel={() => modals.close(id)}
        onSaved={(saved) => {
          modals.close(id);
          options.onSaved?.(saved);
        }}
      />
    ),
  });
}

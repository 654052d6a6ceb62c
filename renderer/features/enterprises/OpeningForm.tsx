import { NumberInput, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { GenderRequirement, Opening } from '@shared/domain/records';
import { checkOpening, type OpeningInput } from '@shared/domain/enterprise-rules';
import { OPENING_BOUNDS } from '@shared/domain/field-bounds';
import { EXACT_NUMBER } from '@renderer/components/exact-number';
import { saveOpening } from '../../db';
import { numberFrom, problemMessages, type NumberFieldValue } from '../../components/field-problems';
import { conflictMerge, saveFromForm } from '../../components/save-from-form';
import { useConflictResolver } from '../../components/ConflictDialog';
import { FormActions } from '../../components/FormActions';

const GENDERS: GenderRequirement[] = ['any', 'male', 'female'];

type NumberKey = 'headcount' | 'wageMin' | 'wageMax' | 'ageMin' | 'ageMax';
type OpeningFormValues = Omit<OpeningInput, NumberKey> & Record<NumberKey, NumberFieldValue>;

function toInput(values: OpeningFormValues): OpeningInput {
  return {
    ...values,
    headcount: numberFrom(values.headcount),
    wageMin: numberFrom(values.wageMin),
    wageMax: numberFrom(values.wageMax),
    ageMin: numberFrom(values.ageMin),
    ageMax: numberFrom(values.ageMax),
  };
}

interface OpeningFormProps {
  /** The enterprise the opening belongs to. */
  enterpriseId: string;
  /** The opening to edit; a new one is created when absent. */
  opening?: Opening;
  /** Called after a successful save. */
  onDone: () => void;
}

/** An opening's fields as the form edits them (the conflict dialog compares these). */
function openingInputOf(opening: Opening): OpeningInput {
  const { enterpriseId, position, headcount, wageMin, wageMax, ageMin, ageMax, genderRequirement, requirements } =
    opening;
  return { enterpriseId, position, headcount, wageMin, wageMax, ageMin, ageMax, genderRequirement, requirements };
}

function OpeningForm({ enterpriseId, opening, onDone }: OpeningFormProps) {
  const { t } = useTranslation();
  const conflicts = useConflictResolver();
  const form = useForm<OpeningFormValues, OpeningInput>({
    mode: 'controlled',
    initialValues: opening
      ? {
          enterpriseId,
          position: opening.position,
          headcount: opening.headcount,
          wageMin: opening.wageMin,
          wageMax: opening.wageMax,
          ageMin: opening.ageMin,
          ageMax: opening.ageMax,
          genderRequirement: opening.genderRequirement,
          requirements: opening.requirements,
        }
      : {
          enterpriseId,
          position: '',
          headcount: 10,
          wageMin: 4000,
          wageMax: 6000,
          ageMin: 18,
          ageMax: 50,
          genderRequirement: 'any',
          requirements: '',
        },
    validate: (values) => problemMessages(checkOpening(toInput(values)), t),
    transformValues: toInput,
    validateInputOnBlur: true,
  });

  const submit = form.onSubmit(async (values) => {
    const saved = await saveFromForm(
      () => (opening ? saveOpening(opening.id, values, opening) : saveOpening(null, values)),
      form.setErrors,
      t,
      opening && conflictMerge(conflicts, openingInputOf, (merged, stored) => saveOpening(opening.id, merged, stored)),
    );
    if (!saved) return;
    notifications.show({ color: 'teal', message: t('openings.saved') });
    onDone();
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label={t('openings.fields.position')}
          withAsterisk
          data-autofocus
          {...form.getInputProps('position')}
        />
        <SimpleGrid cols={2}>
          <NumberInput
            label={t('openings.fields.headcount')}
            description={t('openings.bounds.headcount', OPENING_BOUNDS.headcount)}
            {...EXACT_NUMBER}
            min={OPENING_BOUNDS.headcount.min}
            max={OPENING_BOUNDS.headcount.max}
            {...form.getInputProps('headcount')}
          />
          <Select
            label={t('openings.fields.genderRequirement')}
            data={GENDERS.map((value) => ({ value, label: t(`openings.gender.${value}`) }))}
            allowDeselect={false}
            {...form.getInputProps('genderRequirement')}
          />
          <NumberInput
            label={t('openings.fields.wageMin')}
            description={t('openings.bounds.wage', OPENING_BOUNDS.wage)}
            {...EXACT_NUMBER}
            min={OPENING_BOUNDS.wage.min}
            max={OPENING_BOUNDS.wage.max}
            step={100}
            {...form.getInputProps('wageMin')}
          />
          <NumberInput
            label={t('openings.fields.wageMax')}
            description={t('openings.bounds.wage', OPENING_BOUNDS.wage)}
            {...EXACT_NUMBER}
            min={OPENING_BOUNDS.wage.min}
            max={OPENING_BOUNDS.wage.max}
            step={100}
            {...form.getInputProps('wageMax')}
          />
          <NumberInput
            label={t('openings.fields.ageMin')}
            description={t('openings.bounds.age', OPENING_BOUNDS.age)}
            {...EXACT_NUMBER}
            min={OPENING_BOUNDS.age.min}
            max={OPENING_BOUNDS.age.max}
            {...form.getInputProps('ageMin')}
          />
          <NumberInput
            label={t('openings.fields.ageMax')}
            description={t('openings.bounds.age', OPENING_BOUNDS.age)}
            {...EXACT_NUMBER}
            min={OPENING_BOUNDS.age.min}
            max={OPENING_BOUNDS.age.max}
            {...form.getInputProps('ageMax')}
          />
        </SimpleGrid>
        <Textarea
          label={t('openings.fields.requirements')}
          description={t('common.maxCharacters', { max: OPENING_BOUNDS.text.requirements })}
          autosize
          minRows={2}
          {...form.getInputProps('requirements')}
        />
        <FormActions onCancel={onDone} />
      </Stack>
      {conflicts.dialog}
    </form>
  );
}

export function openOpeningForm(options: { t: TFunction; enterpriseId: string; opening?: Opening }): void {
  const id = modals.open({
    title: options.t(options.opening ? 'openings.editTitle' : 'openings.createTitle'),
    size: 'lg',
    closeOnClickOutside: false,
    children: (
      <OpeningForm enterpriseId={options.enterpriseId} opening={options.opening} onDone={() => modals.close(id)} />
    ),
  });
}

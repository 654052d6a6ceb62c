import { Autocomplete, Checkbox, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Enterprise, ResumptionStatus } from '@shared/domain/records';
import { checkEnterprise, type EnterpriseInput } from '@shared/domain/enterprise-rules';
import { ENTERPRISE_TEXT_BOUNDS } from '@shared/domain/field-bounds';
import { createEnterprise, updateEnterprise } from '../../db';
import { problemMessages } from '../../components/field-problems';
import { conflictMerge, saveFromForm } from '../../components/save-from-form';
import { useConflictResolver } from '../../components/ConflictDialog';
import { FormActions } from '../../components/FormActions';

const RESUMPTION: ResumptionStatus[] = ['resumed', 'partly-resumed', 'not-resumed'];
const CITY_SUGGESTIONS = ['广州市', '深圳市', '东莞市', '佛山市', '中山市', '惠州市'];

const EMPTY: EnterpriseInput = {
  name: '',
  creditCode: '',
  city: '',
  district: '',
  address: '',
  contactName: '',
  contactPhone: '',
  handoverPoint: '',
  resumptionStatus: 'resumed',
  isKeyEnterprise: false,
  hrAgency: '',
  notes: '',
};

function inputOf(enterprise: Enterprise): EnterpriseInput {
  const { id: _id, createdAt: _c, updatedAt: _u, deletedAt: _d, demo: _demo, ...input } = enterprise;
  return input;
}

interface EnterpriseFormProps {
  /** The enterprise to edit; a new one is created when absent. */
  enterprise?: Enterprise;
  /** Called with the stored enterprise after a successful save. */
  onSaved: (enterprise: Enterprise) => void;
  /** Called when the user gives up without saving. */
  onCancel: () => void;
}

export function EnterpriseForm({ enterprise, onSaved, onCancel }: EnterpriseFormProps) {
  const { t } = useTranslation();
  const conflicts = useConflictResolver();
  const form = useForm<EnterpriseInput>({
    mode: 'controlled',
    initialValues: enterprise ? inputOf(enterprise) : EMPTY,
    // Duplicates are checked by the repository on save; everything else shows as soon as a field is left.
    validate: (values) => problemMessages(checkEnterprise(values, []), t),
    validateInputOnBlur: true,
  });

  const submit = form.onSubmit(async (values) => {
    const saved = await saveFromForm(
      () => (enterprise ? updateEnterprise(enterprise.id, values, enterprise) : createEnterprise(values)),
      form.setErrors,
      t,
      enterprise &&
        conflictMerge(conflicts, inputOf, (merged, stored) => updateEnterprise(enterprise.id, merged, stored)),
    );
    if (!saved) return;
    notifications.show({
      color: 'teal',
      message: t(enterprise ? 'enterprises.updated' : 'enterprises.created', { name: saved.name }),
    });
    onSaved(saved);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label={t('enterprises.fields.name')} withAsterisk data-autofocus {...form.getInputProps('name')} />
        <TextInput
          label={t('enterprises.fields.creditCode')}
          description={t('enterprises.hints.creditCode')}
          withAsterisk
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          {...form.getInputProps('creditCode')}
        />
        <SimpleGrid cols={2}>
          <Autocomplete
            label={t('enterprises.fields.city')}
            withAsterisk
            data={CITY_SUGGESTIONS}
            {...form.getInputProps('city')}
          />
          <TextInput label={t('enterprises.fields.district')} {...form.getInputProps('district')} />
        </SimpleGrid>
        <TextInput label={t('enterprises.fields.address')} {...form.getInputProps('address')} />
        <SimpleGrid cols={2}>
          <TextInput label={t('enterprises.fields.contactName')} {...form.getInputProps('contactName')} />
          <TextInput label={t('enterprises.fields.contactPhone')} {...form.getInputProps('contactPhone')} />
        </SimpleGrid>
        <TextInput label={t('enterprises.fields.handoverPoint')} {...form.getInputProps('handoverPoint')} />
        <SimpleGrid cols={2}>
          <Select
            label={t('enterprises.fields.resumptionStatus')}
            data={RESUMPTION.map((value) => ({ value, label: t(`enterprises.resumption.${value}`) }))}
            allowDeselect={false}
            {...form.getInputProps('resumptionStatus')}
          />
          <TextInput
            label={t('enterprises.fields.hrAgency')}
            placeholder={t('enterprises.hints.hrAgency')}
            {...form.getInputProps('hrAgency')}
          />
        </SimpleGrid>
        <Checkbox
          label={t('enterprises.fields.isKeyEnterprise')}
          {...form.getInputProps('isKeyEnterprise', { type: 'checkbox' })}
        />
        <Textarea
          label={t('enterprises.fields.notes')}
          description={t('common.maxCharacters', { max: ENTERPRISE_TEXT_BOUNDS.notes })}
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

/** Opens the enterprise form in a modal; `t` gives the title in the current language. */
export function openEnterpriseForm(options: {
  t: TFunction;
  enterprise?: Enterprise;
  onSaved?: (enterprise: Enterprise) => void;
}): void {
  const id = modals.open({
    title: options.t(options.enterprise ? 'enterprises.editTitle' : 'enterprises.createTitle'),
    size: 'lg',
    closeOnClickOutside: false,
    children: (
      <EnterpriseForm
        enterprise={options.enterprise}
        onCancel={() => modals.close(id)}
        onSaved={(saved) => {
          modals.close(id);
          options.onSaved?.(saved);
        }}
      />
    ),
  });
}

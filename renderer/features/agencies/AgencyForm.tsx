import { SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Agency, BankAccount } from '@shared/domain/records';
import { checkAgency, type AgencyInput } from '@shared/subsidy/agency-rules';
import { saveAgency } from '@renderer/db';
import { problemMessages } from '@renderer/components/field-problems';
import { conflictMerge, saveFromForm } from '@renderer/components/save-from-form';
import { useConflictResolver } from '@renderer/components/ConflictDialog';
import { FormActions } from '@renderer/components/FormActions';

/** The form's values: the account always as its three parts ('' each for none). */
type AgencyValues = Omit<AgencyInput, 'bankAccount'> & { bankAccount: BankAccount };

const NO_ACCOUNT: BankAccount = { bankName: '', accountNumber: '', accountName: '' };
const ACCOUNT_PARTS = ['bankName', 'accountNumber', 'accountName'] as const;

const EMPTY: AgencyValues = {
  name: '',
  creditCode: '',
  contactName: '',
  contactPhone: '',
  bankAccount: NO_ACCOUNT,
  notes: '',
};

function valuesOf(agency: Agency): AgencyValues {
  return {
    name: agency.name,
    creditCode: agency.creditCode,
    contactName: agency.contactName,
    contactPhone: agency.contactPhone,
    bankAccount: agency.bankAccount ?? NO_ACCOUNT,
    notes: agency.notes,
  };
}

interface AgencyFormProps {
  /** The agency to edit; a new one is created when absent. */
  agency?: Agency;
  /** Called with the stored agency after a successful save. */
  onSaved: (agency: Agency) => void;
  /** Called when the user gives up without saving. */
  onCancel: () => void;
}

/**
 * An agency's form (issue 18, item 2): name, unified social credit code (its check character is
 * verified as the field is left), contact, phone and the bank account its placement subsidies are
 * paid into, all three parts or none. The repository checks again, and that no other agency has
 * the code; a refusal is shown beside its field and nothing is stored.
 */
export function AgencyForm({ agency, onSaved, onCancel }: AgencyFormProps) {
  const { t } = useTranslation();
  const conflicts = useConflictResolver();
  const form = useForm<AgencyValues>({
    mode: 'controlled',
    initialValues: agency ? valuesOf(agency) : EMPTY,
    validate: (values) => problemMessages(checkAgency(values, []), t),
    validateInputOnBlur: true,
  });

  const submit = form.onSubmit(async (values) => {
    const saved = await saveFromForm(
      () => (agency ? saveAgency(agency.id, values, agency) : saveAgency(null, values)),
      form.setErrors,
      t,
      agency && conflictMerge(conflicts, valuesOf, (merged, stored) => saveAgency(agency.id, merged, stored)),
    );
    if (!saved) return;
    notifications.show({
      color: 'teal',
      message: t(agency ? 'agencies.updated' : 'agencies.created', { name: saved.name }),
    });
    onSaved(saved);
  });

  return (
    <form onSubmit={submit} noValidate data-testid="agency-form">
      <Stack>
        <TextInput label={t('agencies.fields.name')} withAsterisk data-autofocus {...form.getInputProps('name')} />
        <TextInput
          label={t('agencies.fields.creditCode')}
          description={t('agencies.hints.creditCode')}
          withAsterisk
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          {...form.getInputProps('creditCode')}
        />
        <SimpleGrid cols={2}>
          <TextInput label={t('agencies.fields.contactName')} {...form.getInputProps('contactName')} />
          <TextInput label={t('agencies.fields.contactPhone')} {...form.getInputProps('contactPhone')} />
        </SimpleGrid>
        <Stack gap={4}>
          <Title order={5}>{t('agencies.bankAccount')}</Title>
          <Text size="sm" c="dimmed">
            {t('agencies.hints.bankAccount')}
          </Text>
        </Stack>
        {ACCOUNT_PARTS.map((part) => (
          <TextInput
            key={part}
            label={t(`agencies.fields.${part}`)}
            inputMode={part === 'accountNumber' ? 'numeric' : undefined}
            {...form.getInputProps(`bankAccount.${part}`)}
          />
        ))}
        <Textarea label={t('agencies.fields.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
        <FormActions onCancel={onCancel} submitting={form.submitting} />
      </Stack>
      {conflicts.dialog}
    </form>
  );
}

/** Opens the agency form in a modal; `t` gives the title in the current language. */
export function openAgencyForm(options: { t: TFunction; agency?: Agency; onSaved?: (agency: Agency) => void }): void {
  const id = modals.open({
    title: options.t(options.agency ? 'agencies.editTitle' : 'agencies.createTitle'),
    size: 'lg',
    closeOnClickOutside: false,
    children: (
      <AgencyForm
        agency={options.agency}
        onCancel={() => modals.close(id)}
        onSaved={(saved) => {
          modals.close(id);
          options.onSaved?.(saved);
        }}
      />
    ),
  });
}

import { useState } from 'react';
import { Button, Card, Checkbox, Group, Modal, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEdit } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { BankAccount, Enterprise } from '@shared/domain/records';
import { setEnterpriseSubsidyFields } from '@renderer/db';
import { DetailField } from '@renderer/components/DetailField';
import { FormActions } from '@renderer/components/FormActions';
import { problemMessages } from '@renderer/components/field-problems';
import { saveFromForm } from '@renderer/components/save-from-form';
import { checkBankAccount } from '@shared/subsidy/bank-account';

const NO_ACCOUNT: BankAccount = { bankName: '', accountNumber: '', accountName: '' };
const PARTS = ['bankName', 'accountNumber', 'accountName'] as const;

function SubsidyFieldsForm({
  enterprise,
  onDone,
}: {
  enterprise: Enterprise;
  /** Called after a save, or when the user gives up. */
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [isKey, setIsKey] = useState(enterprise.isKeyEnterprise);
  const [account, setAccount] = useState<BankAccount>(enterprise.bankAccount ?? NO_ACCOUNT);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [submitting, setSubmitting] = useState(false);

  // The account rule the repository applies (shared/subsidy/bank-account.ts), checked here first so
  // that a mistyped number is said as the field is left and a part left out as soon as save is pressed.
  const problemsOf = (typed: BankAccount) => problemMessages(checkBankAccount(typed), t);
  const checkNumber = () => {
    const message = problemsOf(account)['bankAccount.accountNumber'];
    setErrors((current) => {
      const { 'bankAccount.accountNumber': _old, ...rest } = current;
      return message && account.accountNumber.trim() !== '' ? { ...rest, 'bankAccount.accountNumber': message } : rest;
    });
  };

  const submit = async () => {
    const refused = problemsOf(account);
    setErrors(refused);
    if (Object.keys(refused).length > 0) return;
    setSubmitting(true);
    try {
      // All three parts empty is no account; the repository refuses one given in part too.
      const saved = await saveFromForm(
        () => setEnterpriseSubsidyFields(enterprise.id, { isKeyEnterprise: isKey, bankAccount: account }, enterprise),
        setErrors,
        t,
      );
      if (!saved) return;
      notifications.show({ color: 'teal', message: t('subsidy.enterpriseSubsidy.saved', { name: saved.name }) });
      onDone();
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack>
        <Checkbox
          label={t('enterprises.fields.isKeyEnterprise')}
          checked={isKey}
          onChange={(event) => setIsKey(event.currentTarget.checked)}
        />
        <Text size="sm" c="dimmed">
          {t('subsidy.enterpriseSubsidy.hint')}
        </Text>
        {PARTS.map((part) => (
          <TextInput
            key={part}
            label={t(`subsidy.enterpriseSubsidy.${part}`)}
            value={account[part]}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setAccount((current) => ({ ...current, [part]: value }));
            }}
            error={errors[`bankAccount.${part}`]}
            onBlur={part === 'accountNumber' ? checkNumber : undefined}
            inputMode={part === 'accountNumber' ? 'numeric' : undefined}
          />
        ))}
        {errors.bankAccount && (
          <Text size="sm" c="red" role="alert">
            {errors.bankAccount}
          </Text>
        )}
        <FormActions onCancel={onDone} submitting={submitting} />
      </Stack>
    </form>
  );
}

/**
 * An enterprise's subsidy details (issue 18, item 2): the key-enterprise flag (重点企业) and the
 * bank account its subsidies are paid into, changed together with `setEnterpriseSubsidyFields`.
 */
export function EnterpriseSubsidyCard({ enterprise, editable }: { enterprise: Enterprise; editable: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const account = enterprise.bankAccount ?? null;
  return (
    <Card withBorder data-testid="enterprise-subsidy">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('subsidy.enterpriseSubsidy.title')}</Title>
        {editable && (
          <Button size="xs" variant="default" leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)}>
            {t('subsidy.enterpriseSubsidy.edit')}
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
        <DetailField label={t('enterprises.fields.isKeyEnterprise')}>
          {enterprise.isKeyEnterprise ? t('common.yes') : t('common.no')}
        </DetailField>
        {account ? (
          PARTS.map((part) => (
            <DetailField key={part} label={t(`subsidy.enterpriseSubsidy.${part}`)}>
              {account[part]}
            </DetailField>
          ))
        ) : (
          <DetailField label={t('subsidy.fields.bankAccount')}>{t('subsidy.enterpriseSubsidy.noAccount')}</DetailField>
        )}
      </SimpleGrid>
      <Modal
        opened={editing}
        onClose={() => setEditing(false)}
        title={t('subsidy.enterpriseSubsidy.edit')}
        closeOnClickOutside={false}
      >
        {editing && <SubsidyFieldsForm enterprise={enterprise} onDone={() => setEditing(false)} />}
      </Modal>
    </Card>
  );
}

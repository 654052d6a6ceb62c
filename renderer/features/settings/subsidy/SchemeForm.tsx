import { useState } from 'react';
import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Divider,
  Group,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { POVERTY_STATUSES, type SubsidySchemeRecord } from '@shared/domain/records';
import { DESTINATION_TIERS, EVIDENCE_KINDS, ORGANISED_BATCH_RULES, PAYEES, SCHEME_KINDS } from '@shared/subsidy/scheme';
import { saveScheme } from '@renderer/db';
import { DateField } from '@renderer/components/DateField';
import { EXACT_NUMBER } from '@renderer/components/exact-number';
import { FormActions } from '@renderer/components/FormActions';
import { saveFromForm } from '@renderer/components/save-from-form';
import { useUnsavedChanges } from '@renderer/components/unsaved-changes';
import {
  USUAL_PAYEE,
  newInstalment,
  newTier,
  readDraft,
  type InstalmentDraft,
  type SchemeDraft,
  type TierDraft,
} from './scheme-draft';

/** The repository's problem fields this form shows beside a field; any other is said above the buttons. */
const SHOWN_FIELDS = [
  'name',
  'year',
  'payee',
  'amountFen',
  'tiers',
  'conditions.minMonths',
  'conditions.startTo',
  'instalments',
];

interface SchemeFormProps {
  /** The scheme to edit; a new one is stored when absent. */
  scheme?: SubsidySchemeRecord;
  initial: SchemeDraft;
  onSaved: (scheme: SubsidySchemeRecord) => void;
  onCancel: () => void;
}

/**
 * A subsidy scheme's form (issue 18, item 1): name, year, kind, payee; one amount or amounts by
 * destination, typed in yuan; the conditions; instalments in percent; the evidence. Saved with
 * `saveScheme`: what it refuses shows beside the fields, and nothing is stored.
 */
export function SchemeForm({ scheme, initial, onSaved, onCancel }: SchemeFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<SchemeDraft>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [submitting, setSubmitting] = useState(false);
  // While typed changes are not saved, leaving the settings page asks first (UnsavedChangesGuard).
  useUnsavedChanges('subsidy-scheme-form', JSON.stringify(draft) !== JSON.stringify(initial));

  const edit = (change: Partial<SchemeDraft>) => setDraft((current) => ({ ...current, ...change }));
  const editTier = (index: number, change: Partial<TierDraft>) =>
    edit({ tiers: draft.tiers.map((tier, at) => (at === index ? { ...tier, ...change } : tier)) });
  const editInstalment = (index: number, change: Partial<InstalmentDraft>) =>
    edit({ instalments: draft.instalments.map((row, at) => (at === index ? { ...row, ...change } : row)) });

  const submit = async () => {
    setErrors({});
    const read = readDraft(draft, t);
    if (read.errors) {
      setErrors(read.errors);
      return;
    }
    setSubmitting(true);
    try {
      const saved = await saveFromForm(() => saveScheme(scheme?.id ?? null, read.input, scheme), setErrors, t);
      if (!saved) return;
      notifications.show({ color: 'teal', message: t('subsidy.schemes.saved', { name: saved.name }) });
      onSaved(saved);
    } finally {
      setSubmitting(false);
    }
  };

  const otherErrors = Object.entries(errors)
    .filter(([field]) => !SHOWN_FIELDS.includes(field) && !field.startsWith('tiers.'))
    .map(([, message]) => message);
  const destinationData = DESTINATION_TIERS.map((value) => ({ value, label: t(`subsidy.destination.${value}`) }));

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('subsidy.fields.name')}
            withAsterisk
            data-autofocus
            value={draft.name}
            onChange={(event) => edit({ name: event.currentTarget.value })}
            error={errors.name}
          />
          <NumberInput
            label={t('subsidy.fields.year')}
            withAsterisk
            {...EXACT_NUMBER}
            value={draft.year}
            onChange={(year) => edit({ year })}
            error={errors.year}
          />
          <Select
            label={t('subsidy.fields.kind')}
            allowDeselect={false}
            data={SCHEME_KINDS.map((value) => ({ value, label: t(`subsidy.schemeKind.${value}`) }))}
            value={draft.kind}
            onChange={(value) => {
              const kind = value ?? draft.kind;
              edit({ kind, payee: USUAL_PAYEE[kind] });
            }}
          />
          <Select
            label={t('subsidy.fields.payee')}
            allowDeselect={false}
            data={PAYEES.map((value) => ({ value, label: t(`subsidy.payee.${value}`) }))}
            value={draft.payee}
            onChange={(value) => edit({ payee: value ?? draft.payee })}
            error={errors.payee}
          />
        </SimpleGrid>

        <Divider label={t('subsidy.schemes.amountSection')} labelPosition="left" />
        <SegmentedControl
          aria-label={t('subsidy.schemes.amountSection')}
          value={draft.mode}
          onChange={(value) => {
            const mode = value;
            edit({ mode, tiers: mode === 'tiers' && draft.tiers.length === 0 ? [newTier(draft)] : draft.tiers });
          }}
          data={(['single', 'tiers'] as const).map((value) => ({
            value,
            label: t(`subsidy.schemes.amountMode.${value}`),
          }))}
          w="fit-content"
        />
        {draft.mode === 'single' ? (
          <TextInput
            label={t('subsidy.schemes.amount')}
            inputMode="decimal"
            maw={240}
            value={draft.amount}
            onChange={(event) => edit({ amount: event.currentTarget.value })}
            error={errors.amountFen}
          />
        ) : (
          <Stack gap={6}>
            {draft.tiers.map((tier, index) => (
              <Group key={tier.key} gap="xs" align="flex-start" wrap="nowrap" data-testid="tier-row">
                <Select
                  aria-label={t('subsidy.schemes.tierDestination')}
                  allowDeselect={false}
                  data={destinationData}
                  value={tier.destination}
                  onChange={(value) => editTier(index, { destination: value ?? tier.destination })}
                  w={240}
                />
                <TextInput
                  aria-label={t('subsidy.schemes.tierAmount')}
                  placeholder={t('subsidy.schemes.tierAmount')}
                  inputMode="decimal"
                  value={tier.amount}
                  onChange={(event) => editTier(index, { amount: event.currentTarget.value })}
                  error={errors[`tiers.${index}`]}
                  w={180}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={4}
                  aria-label={t('subsidy.schemes.removeTier')}
                  onClick={() => edit({ tiers: draft.tiers.filter((_, at) => at !== index) })}
                >
                  <IconTrash size={18} />
                </ActionIcon>
              </Group>
            ))}
            {(errors.tiers ?? errors.amountFen) && (
              <Text size="sm" c="red" role="alert">
                {errors.tiers ?? errors.amountFen}
              </Text>
            )}
            <Group>
              <Button
                variant="default"
                size="xs"
                leftSection={<IconPlus size={16} />}
                onClick={() => edit({ tiers: [...draft.tiers, newTier(draft)] })}
              >
                {t('subsidy.schemes.addTier')}
              </Button>
            </Group>
          </Stack>
        )}

        <Divider label={t('subsidy.schemes.conditionsSection')} labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect
            label={t('subsidy.schemes.householdTypes')}
            placeholder={draft.householdTypes.length === 0 ? t('subsidy.schemes.householdTypesAny') : undefined}
            data={POVERTY_STATUSES.map((value) => ({ value, label: t(`workers.poverty.${value}`) }))}
            value={draft.householdTypes}
            onChange={(values) => edit({ householdTypes: values })}
          />
          <MultiSelect
            label={t('subsidy.schemes.destinations')}
            placeholder={draft.destinations.length === 0 ? t('subsidy.schemes.destinationsAny') : undefined}
            data={destinationData}
            value={draft.destinations}
            onChange={(values) => edit({ destinations: values })}
          />
          <NumberInput
            label={t('subsidy.schemes.minMonths')}
            description={t('subsidy.schemes.minMonthsHint')}
            {...EXACT_NUMBER}
            min={0}
            value={draft.minMonths}
            onChange={(minMonths) => edit({ minMonths })}
            error={errors['conditions.minMonths']}
          />
          <Select
            label={t('subsidy.schemes.organisedBatch')}
            allowDeselect={false}
            data={ORGANISED_BATCH_RULES.map((value) => ({ value, label: t(`subsidy.organisedBatch.${value}`) }))}
            value={draft.organisedBatch}
            onChange={(value) => edit({ organisedBatch: value ?? draft.organisedBatch })}
          />
          <DateField
            label={t('subsidy.schemes.startFrom')}
            value={draft.startFrom}
            onChange={(startFrom) => edit({ startFrom })}
          />
          <DateField
            label={t('subsidy.schemes.startTo')}
            value={draft.startTo}
            onChange={(startTo) => edit({ startTo })}
            error={errors['conditions.startTo']}
          />
        </SimpleGrid>
        <Group>
          <Checkbox
            label={t('subsidy.schemes.sameEmployer')}
            checked={draft.sameEmployer}
            onChange={(event) => edit({ sameEmployer: event.currentTarget.checked })}
          />
          <Checkbox
            label={t('subsidy.schemes.keyEnterpriseOnly')}
            checked={draft.keyEnterpriseOnly}
            onChange={(event) => edit({ keyEnterpriseOnly: event.currentTarget.checked })}
          />
        </Group>

        <Divider label={t('subsidy.schemes.instalmentsSection')} labelPosition="left" />
        <Stack gap={6}>
          <Text size="sm" c="dimmed">
            {t('subsidy.schemes.instalmentsHint')}
          </Text>
          {draft.instalments.map((row, index) => (
            <Group key={row.key} gap="xs" wrap="nowrap" data-testid="instalment-row">
              <NumberInput
                aria-label={t('subsidy.schemes.instalmentShare')}
                placeholder={t('subsidy.schemes.instalmentShare')}
                {...EXACT_NUMBER}
                min={0}
                max={100}
                suffix="%"
                value={row.share}
                onChange={(share) => editInstalment(index, { share })}
                w={140}
              />
              <NumberInput
                aria-label={t('subsidy.schemes.instalmentAfter')}
                placeholder={t('subsidy.schemes.instalmentAfter')}
                {...EXACT_NUMBER}
                min={0}
                value={row.afterMonths}
                onChange={(afterMonths) => editInstalment(index, { afterMonths })}
                w={160}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('subsidy.schemes.removeInstalment')}
                onClick={() => edit({ instalments: draft.instalments.filter((_, at) => at !== index) })}
              >
                <IconTrash size={18} />
              </ActionIcon>
            </Group>
          ))}
          {errors.instalments && (
            <Text size="sm" c="red" role="alert">
              {errors.instalments}
            </Text>
          )}
          <Group>
            <Button
              variant="default"
              size="xs"
              leftSection={<IconPlus size={16} />}
              onClick={() => edit({ instalments: [...draft.instalments, newInstalment()] })}
            >
              {t('subsidy.schemes.addInstalment')}
            </Button>
          </Group>
        </Stack>

        <Divider label={t('subsidy.schemes.evidenceSection')} labelPosition="left" />
        <Checkbox.Group
          aria-label={t('subsidy.schemes.evidenceSection')}
          value={draft.evidence}
          onChange={(values) => edit({ evidence: values })}
        >
          <Group>
            {EVIDENCE_KINDS.map((kind) => (
              <Checkbox key={kind} value={kind} label={t(`subsidy.evidence.${kind}`)} />
            ))}
          </Group>
        </Checkbox.Group>

        {otherErrors.length > 0 && (
          <Alert color="red" role="alert">
            {otherErrors.join(' ')}
          </Alert>
        )}
        <FormActions onCancel={onCancel} submitting={submitting} />
      </Stack>
    </form>
  );
}

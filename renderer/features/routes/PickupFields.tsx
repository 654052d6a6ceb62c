import { ActionIcon, Autocomplete, Group, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { BAISE_COUNTIES } from '@shared/domain/regions';
import { LONGEST_ASSEMBLY_LEAD_MINUTES } from '@shared/domain/route-rules';
import type { PickupDraft } from './route-draft';
import { durationText } from './route-texts';
import type { RouteFormValues } from './use-route-form';

interface PickupFieldsProps {
  /** The route form holding the pickup points. */
  form: RouteFormValues;
  /** Which pickup point, counted from 0. */
  index: number;
  /** Minutes from the assembly to the first departure (negative along the route), NaN while not reckoned. */
  lead: number;
  /** The time a blank field stands for (the usual lead before the first departure); '' while unknown. */
  defaultTime: string;
}

/** What the assembly time means, under the field: how long before the first departure, or a stop along the way. */
function leadText(lead: number, t: PickupFieldsTexts): string | undefined {
  if (!Number.isFinite(lead) || lead > LONGEST_ASSEMBLY_LEAD_MINUTES) return undefined;
  return lead < 0
    ? t('routes.hints.alongRoute', { duration: durationText(-lead, t) })
    : t('routes.hints.assemblyLead', { duration: durationText(lead, t) });
}

type PickupFieldsTexts = ReturnType<typeof useTranslation>['t'];

/** One pickup point on one line: county, assembly place and time, and a button to remove it. */
export function PickupFields({ form, index, lead, defaultTime }: PickupFieldsProps) {
  const { t } = useTranslation();
  const n = index + 1;
  const path = (field: keyof PickupDraft) => `pickupPoints.${index}.${field}`;
  return (
    <Group role="group" aria-label={t('routes.pickupN', { n })} align="start" gap="xs" wrap="nowrap">
      <Autocomplete
        aria-label={t('routes.fields.county')}
        placeholder={t('routes.fields.county')}
        data={BAISE_COUNTIES.map((county) => county.name)}
        w={170}
        {...form.getInputProps(path('county'))}
      />
      <TextInput
        aria-label={t('routes.fields.place')}
        placeholder={t('routes.fields.place')}
        style={{ flex: 1 }}
        {...form.getInputProps(path('place'))}
      />
      <TextInput
        aria-label={t('routes.fields.assemblyTime')}
        placeholder={defaultTime === '' ? t('routes.hints.time') : defaultTime}
        w={220}
        description={leadText(lead, t)}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        {...form.getInputProps(path('assemblyTime'))}
      />
      <ActionIcon
        variant="subtle"
        color="red"
        mt={6}
        aria-label={t('routes.removePickup', { n })}
        onClick={() => {
          form.removeListItem('pickupPoints', index);
          form.clearErrors();
        }}
      >
        <IconTrash size={16} />
      </ActionIcon>
    </Group>
  );
}

import {
  ActionIcon,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LegMode } from '@shared/domain/records';
import { EXACT_NUMBER } from '@renderer/components/exact-number';
import { ARRIVAL_DAYS, DEPARTURE_DAYS, type LegDraft } from './route-draft';
import { durationText } from './route-texts';
import type { RouteFormValues } from './use-route-form';

const LEG_MODES: readonly LegMode[] = ['coach', 'train'];

interface LegFieldsProps {
  /** The route form holding the legs. */
  form: RouteFormValues;
  /** Which leg, counted from 0. */
  index: number;
  /** How many legs the route has: the last cannot move down. */
  count: number;
  /** The leg's duration in minutes, NaN while its times are not readable. */
  duration: number;
}

/** One leg: mode, places, departure and arrival, distance, stops; with buttons to move and remove it. */
export function LegFields({ form, index, count, duration }: LegFieldsProps) {
  const { t } = useTranslation();
  const n = index + 1;
  const path = (field: keyof LegDraft) => `legs.${index}.${field}`;
  const leg = form.getValues().legs[index];
  if (!leg) return null;
  const dayOptions = (days: string[]) => days.map((day) => ({ value: day, label: t(`routes.days.d${day}`) }));
  const reorder = (to: number) => {
    form.reorderListItem('legs', { from: index, to });
    form.clearErrors();
  };
  return (
    <Fieldset legend={t('routes.legTitle', { n })} data-testid="leg-fields" data-mode={leg.mode}>
      <Stack gap="xs">
        <Group justify="space-between">
          <SegmentedControl
            aria-label={t('routes.fields.mode')}
            data={LEG_MODES.map((mode) => ({ value: mode, label: t(`routes.modes.${mode}`) }))}
            {...form.getInputProps(path('mode'))}
          />
          <Group gap={4}>
            <ActionIcon
              variant="subtle"
              aria-label={t('routes.moveUp', { n })}
              disabled={index === 0}
              onClick={() => reorder(index - 1)}
            >
              <IconArrowUp size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              aria-label={t('routes.moveDown', { n })}
              disabled={index === count - 1}
              onClick={() => reorder(index + 1)}
            >
              <IconArrowDown size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('routes.removeLeg', { n })}
              onClick={() => {
                form.removeListItem('legs', index);
                form.clearErrors();
              }}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        </Group>
        <SimpleGrid cols={2}>
          <TextInput label={t('routes.fields.from')} withAsterisk {...form.getInputProps(path('from'))} />
          <TextInput label={t('routes.fields.to')} withAsterisk {...form.getInputProps(path('to'))} />
        </SimpleGrid>
        <Group align="start" gap="xs" wrap="nowrap">
          <TextInput
            label={t('routes.fields.departureTime')}
            placeholder={t('routes.hints.time')}
            withAsterisk
            w={170}
            {...form.getInputProps(path('departureTime'))}
          />
          <NativeSelect
            label={t('routes.fields.departureDay')}
            data={dayOptions(DEPARTURE_DAYS)}
            w={130}
            {...form.getInputProps(path('departureDay'))}
          />
          <TextInput
            label={t('routes.fields.arrivalTime')}
            placeholder={t('routes.hints.time')}
            withAsterisk
            w={170}
            ml="md"
            description={
              duration > 0 ? t('routes.hints.legDuration', { duration: durationText(duration, t) }) : undefined
            }
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            {...form.getInputProps(path('arrivalTime'))}
          />
          <NativeSelect
            label={t('routes.fields.arrivalDay')}
            data={dayOptions(ARRIVAL_DAYS)}
            w={130}
            {...form.getInputProps(path('arrivalDay'))}
          />
        </Group>
        <Group align="start" gap="xs" wrap="nowrap">
          <NumberInput
            label={t('routes.fields.distanceKm')}
            withAsterisk
            {...EXACT_NUMBER}
            min={0}
            max={5000}
            w={170}
            {...form.getInputProps(path('distanceKm'))}
          />
          <TextInput
            label={t('routes.fields.stops')}
            placeholder={t('routes.hints.stops')}
            style={{ flex: 1 }}
            {...form.getInputProps(path('stops'))}
          />
        </Group>
      </Stack>
    </Fieldset>
  );
}

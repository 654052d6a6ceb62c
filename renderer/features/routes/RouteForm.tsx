import { Box, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Route } from '@shared/domain/records';
import { saveRoute } from '../../db';
import { conflictMerge, saveFromForm } from '../../components/save-from-form';
import { useConflictResolver } from '../../components/ConflictDialog';
import { FormActions } from '../../components/FormActions';
import { LegFields } from './LegFields';
import { PickupFields } from './PickupFields';
import { defaultAssemblyTime, draftOf, emptyDraft, newLeg, newPickup, readDraft, toFormFields } from './route-draft';
import { useRouteForm } from './use-route-form';

/** The form is taller than the window: brings the first refused field into view, in page order. */
function revealFirstProblem(root: HTMLElement | null, errors: Record<string, unknown>): void {
  requestAnimationFrame(() => {
    const marked = root?.querySelectorAll<HTMLElement>('[data-path], [data-problem]') ?? [];
    const first = [...marked].find((node) => (node.dataset.path ?? node.dataset.problem ?? '') in errors);
    first?.scrollIntoView({ block: 'center' });
    if (first instanceof HTMLInputElement) first.focus();
  });
}

interface RouteFormProps {
  /** The route to edit; a new one is created when absent. */
  route?: Route;
  /** Called with the stored route after a successful save. */
  onSaved: (route: Route) => void;
  /** Called when the user gives up without saving. */
  onCancel: () => void;
}

/**
 * A route's name, legs and pickup points. Times are typed as on a timetable (a clock time and the
 * day it falls on), and turned into minutes after midnight of the batch date on save.
 */
export function RouteForm({ route, onSaved, onCancel }: RouteFormProps) {
  const { t } = useTranslation();
  const conflicts = useConflictResolver();
  const form = useRouteForm(route ? draftOf(route, t) : emptyDraft(), t);
  const values = form.getValues();
  const { input, durations } = readDraft(values);
  const submit = form.onSubmit(
    async (draft, event) => {
      // Read before the first await: React lets go of the event's target afterwards.
      const root = event?.currentTarget ?? null;
      const saved = await saveFromForm(
        () => (route ? saveRoute(route.id, readDraft(draft).input, route) : saveRoute(null, readDraft(draft).input)),
        (messages) => {
          const errors = toFormFields(messages);
          form.setErrors(errors);
          revealFirstProblem(root, errors);
        },
        t,
        route &&
          conflictMerge(
            conflicts,
            ({ name, legs, pickupPoints }: Route) => ({ name, legs, pickupPoints }),
            (merged, stored) => saveRoute(route.id, merged, stored),
          ),
      );
      if (!saved) return;
      notifications.show({
        color: 'teal',
        message: t(route ? 'routes.updated' : 'routes.created', { name: saved.name }),
      });
      onSaved(saved);
    },
    (errors, _values, event) => revealFirstProblem(event?.currentTarget ?? null, errors),
  );

  const legsError = form.errors.legs;
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label={t('routes.fields.name')}
          placeholder={t('routes.hints.name')}
          withAsterisk
          data-autofocus
          {...form.getInputProps('name')}
        />
        <Title order={5}>{t('routes.detail.legs')}</Title>
        {legsError && (
          <Text c="red" size="sm" role="alert" data-problem="legs">
            {legsError}
          </Text>
        )}
        {values.legs.map((leg, index) => (
          <LegFields
            key={leg.id}
            form={form}
            index={index}
            count={values.legs.length}
            duration={durations[index] ?? NaN}
          />
        ))}
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => {
              form.insertListItem('legs', newLeg(values.legs[values.legs.length - 1]));
              form.clearFieldError('legs');
            }}
          >
            {t('routes.addLeg')}
          </Button>
        </Group>
        <div>
          <Title order={5}>{t('routes.pickupTitle')}</Title>
          <Text size="xs" c="dimmed">
            {t('routes.hints.pickupPoints')}
          </Text>
        </div>
        {values.pickupPoints.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('routes.noPickupYet')}
          </Text>
        ) : (
          <Stack gap={6}>
            {/* Column titles once, above the rows; each input also carries its own name. */}
            <Group gap="xs" wrap="nowrap" aria-hidden>
              <Text size="sm" fw={500} w={170}>
                {t('routes.fields.county')}
              </Text>
              <Text size="sm" fw={500} style={{ flex: 1 }}>
                {t('routes.fields.place')}
              </Text>
              <Text size="sm" fw={500} w={220}>
                {t('routes.fields.assemblyTime')}
              </Text>
              <Box w={28} />
            </Group>
            {values.pickupPoints.map((point, index) => (
              <PickupFields
                key={point.id}
                form={form}
                index={index}
                lead={input.pickupPoints[index]?.minutesBeforeDeparture ?? NaN}
                defaultTime={defaultAssemblyTime(values)}
              />
            ))}
          </Stack>
        )}
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => form.insertListItem('pickupPoints', newPickup(values))}
          >
            {t('routes.addPickup')}
          </Button>
        </Group>
        <FormActions onCancel={onCancel} submitting={form.submitting} />
      </Stack>
      {conflicts.dialog}
    </form>
  );
}

/** Opens the route form in a modal; `t` gives the title in the current language. */
export function openRouteForm(options: { t: TFunction; route?: Route; onSaved?: (route: Route) => void }): void {
  const id = modals.open({
    title: options.t(options.route ? 'routes.editTitle' : 'routes.createTitle'),
    size: 'xl',
    closeOnClickOutside: false,
    children: (
      <RouteForm
        route={options.route}
        onCancel={() => modals.close(id)}
        onSaved={(saved) => {
          modals.close(id);
          options.onSaved?.(saved);
        }}
      />
    ),
  });
}

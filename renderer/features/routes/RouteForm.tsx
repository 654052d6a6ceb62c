import {
  ActionIcon,
  Autocomplete,
  Box,
  Button,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Leg, LegMode, Route } from '../../../shared/domain/records';
import { BAISE_COUNTIES } from '../../../shared/domain/regions';
import {
  checkRoute,
  legArrivalMinutes,
  LONGEST_ASSEMBLY_LEAD_MINUTES,
  type RouteInput,
} from '../../../shared/domain/route-rules';
import { clockTime, minutesOfClockTime } from '../../../shared/dates';
import { saveRoute } from '../../db';
import { numberFrom, problemMessages, type NumberFieldValue } from '../../components/field-problems';
import { saveFromForm } from '../../components/save-from-form';
import { FormActions } from '../../components/FormActions';

// ---------------------------------------------------------------------------------------------
// Texts shared by the routes pages

const LEG_MODES: readonly LegMode[] = ['coach', 'train'];
const MINUTES_PER_DAY = 1440;

/** A length of time for people: 5小时30分 / 5 h 30 min. */
export function durationText(minutes: number, t: TFunction): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t('routes.duration.minutes', { minutes: rest });
  if (rest === 0) return t('routes.duration.hours', { hours });
  return t('routes.duration.hoursMinutes', { hours, minutes: rest });
}

/** A time of day after midnight of the batch date, marked when it falls on another day: 06:10 +1天. */
export function clockText(minutes: number, t: TFunction): string {
  const { time, dayOffset } = clockTime(minutes);
  if (dayOffset > 0) return `${time} ${t('routes.dayLater', { count: dayOffset })}`;
  if (dayOffset < 0) return `${time} ${t('routes.dayEarlier')}`;
  return time;
}

/** The legs of a route on one line: 汽车 田东县→百色站 → 火车 百色站→广州南站. */
export function legsSummary(legs: readonly Leg[], t: TFunction): string {
  return legs.map((leg) => `${t(`routes.modes.${leg.mode}`)} ${leg.from}→${leg.to}`).join(' → ');
}

/** Stops as a list for people, in the language's own separator. */
export function stopsText(stops: readonly string[], t: TFunction): string {
  return stops.join(t('routes.listSeparator'));
}

// ---------------------------------------------------------------------------------------------
// The form's own shape: times as the clock times people read off a timetable

/** The day offsets a leg may depart on (the batch date and the two after it) and arrive on. */
const DEPARTURE_DAYS = ['0', '1', '2'];
const ARRIVAL_DAYS = ['0', '1', '2', '3', '4'];

interface LegDraft {
  id: string;
  mode: LegMode;
  from: string;
  to: string;
  departureTime: string;
  /** Days after the batch date, as the select holds it: '0' is the batch date. */
  departureDay: string;
  arrivalTime: string;
  arrivalDay: string;
  distanceKm: NumberFieldValue;
  /** Stops separated by commas or 、, as typed. */
  stops: string;
}

interface PickupDraft {
  id: string;
  county: string;
  place: string;
  /** The clock time people are told to be there; the stored lead is reckoned from the first departure. */
  assemblyTime: string;
}

interface RouteDraft {
  name: string;
  legs: LegDraft[];
  pickupPoints: PickupDraft[];
}

/** A problem the form finds before the domain rules can: its message key is complete. */
interface DraftProblem {
  field: string;
  key: string;
  params?: Record<string, string | number>;
}

const newLeg = (previous: LegDraft | undefined): LegDraft => ({
  id: crypto.randomUUID(),
  // Point-to-point itineraries alternate: village coach, train, shuttle coach.
  mode: previous ? (previous.mode === 'coach' ? 'train' : 'coach') : 'coach',
  from: previous?.to ?? '',
  to: '',
  departureTime: '',
  departureDay: previous?.arrivalDay ?? '0',
  arrivalTime: '',
  arrivalDay: previous?.arrivalDay ?? '0',
  distanceKm: '',
  stops: '',
});

const newPickup = (): PickupDraft => ({ id: crypto.randomUUID(), county: '', place: '', assemblyTime: '' });

function draftOf(route: Route, t: TFunction): RouteDraft {
  const firstDeparture = route.legs[0]?.departureMinutes ?? 0;
  return {
    name: route.name,
    legs: route.legs.map((leg) => {
      const departure = clockTime(leg.departureMinutes);
      const arrival = clockTime(legArrivalMinutes(leg));
      return {
        id: leg.id,
        mode: leg.mode,
        from: leg.from,
        to: leg.to,
        departureTime: departure.time,
        departureDay: String(departure.dayOffset),
        arrivalTime: arrival.time,
        arrivalDay: String(arrival.dayOffset),
        distanceKm: leg.distanceKm,
        stops: stopsText(leg.stops, t),
      };
    }),
    pickupPoints: route.pickupPoints.map((point) => ({
      id: point.id,
      county: point.county,
      place: point.place,
      assemblyTime: clockTime(firstDeparture - point.minutesBeforeDeparture).time,
    })),
  };
}

const splitStops = (text: string): string[] =>
  text
    .split(/[,，、;；]/)
    .map((stop) => stop.trim())
    .filter((stop) => stop !== '');

/** Minutes of a typed clock time on a day offset, or a problem with it. */
function readTime(text: string, day: string, field: string): { minutes: number; problem: DraftProblem | null } {
  if (text.trim() === '') return { minutes: NaN, problem: { field, key: 'problems.required' } };
  const clock = minutesOfClockTime(text);
  if (clock === null) return { minutes: NaN, problem: { field, key: 'routes.problems.time-format' } };
  return { minutes: clock + Number(day) * MINUTES_PER_DAY, problem: null };
}

/**
 * The route the draft describes, as the repository takes it, and the problems only the form can
 * see (a time that is not a time, an arrival before its departure). Unreadable values become NaN,
 * so that the domain rules refuse them too.
 */
function readDraft(draft: RouteDraft): { input: RouteInput; problems: DraftProblem[]; durations: number[] } {
  const problems: DraftProblem[] = [];
  const durations: number[] = [];
  const legs: Leg[] = draft.legs.map((leg, index) => {
    const departure = readTime(leg.departureTime, leg.departureDay, `legs.${index}.departureTime`);
    const arrival = readTime(leg.arrivalTime, leg.arrivalDay, `legs.${index}.arrivalTime`);
    if (departure.problem) problems.push(departure.problem);
    if (arrival.problem) problems.push(arrival.problem);
    else if (arrival.minutes <= departure.minutes) {
      problems.push({ field: `legs.${index}.arrivalTime`, key: 'routes.problems.arrival-not-after-departure' });
    }
    const duration = arrival.minutes - departure.minutes;
    durations.push(duration);
    return {
      id: leg.id,
      mode: leg.mode,
      from: leg.from,
      to: leg.to,
      departureMinutes: departure.minutes,
      durationMinutes: duration,
      distanceKm: numberFrom(leg.distanceKm),
      stops: splitStops(leg.stops),
    };
  });
  const firstDeparture = legs[0]?.departureMinutes ?? NaN;
  const pickupPoints = draft.pickupPoints.map((point, index) => {
    const field = `pickupPoints.${index}.assemblyTime`;
    const assembly = readTime(point.assemblyTime, '0', field);
    let lead = NaN;
    if (assembly.problem) problems.push(assembly.problem);
    else if (!Number.isFinite(firstDeparture))
      problems.push({ field, key: 'routes.problems.assembly-needs-departure' });
    else {
      // The assembly is on the day of the first departure or the day before: whichever puts it
      // less than a day ahead. More than twelve hours ahead is refused.
      lead = (((firstDeparture - assembly.minutes) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
      if (lead > LONGEST_ASSEMBLY_LEAD_MINUTES) {
        problems.push({
          field,
          key: 'routes.problems.assembly-out-of-window',
          params: { departure: clockTime(firstDeparture).time },
        });
      }
    }
    return { id: point.id, county: point.county, place: point.place, minutesBeforeDeparture: lead };
  });
  return { input: { name: draft.name, legs, pickupPoints }, problems, durations };
}

/** The domain names times in minutes; the form shows them as clock times in other fields. */
const FIELD_OF_DOMAIN: readonly [RegExp, string][] = [
  [/^legs\.(\d+)\.departureMinutes$/, 'legs.$1.departureTime'],
  [/^legs\.(\d+)\.durationMinutes$/, 'legs.$1.arrivalTime'],
  [/^pickupPoints\.(\d+)\.minutesBeforeDeparture$/, 'pickupPoints.$1.assemblyTime'],
];

function toFormFields(messages: Record<string, string>): Record<string, string> {
  const renamed: Record<string, string> = {};
  for (const [field, message] of Object.entries(messages)) {
    const rule = FIELD_OF_DOMAIN.find(([pattern]) => pattern.test(field));
    renamed[rule ? field.replace(rule[0], rule[1]) : field] ??= message;
  }
  return renamed;
}

/** Every problem of the draft, as `{ field: message }`; the form's own problems win over the domain's. */
function draftMessages(draft: RouteDraft, t: TFunction): Record<string, string> {
  const { input, problems } = readDraft(draft);
  // Name duplicates are checked by the repository on save.
  const messages = toFormFields(problemMessages(checkRoute(input, []), t));
  for (const problem of problems) messages[problem.field] = t(problem.key, problem.params ?? {});
  return messages;
}

// ---------------------------------------------------------------------------------------------
// The form

type RouteFormValues = ReturnType<typeof useRouteForm>;

function useRouteForm(initialValues: RouteDraft, t: TFunction) {
  const form = useForm<RouteDraft>({
    mode: 'controlled',
    initialValues,
    validate: (values) => draftMessages(values, t),
    validateInputOnBlur: true,
    // A problem shown on one field is often mended in another (an arrival refused until its day is
    // set to the next one): shown problems follow every change, new ones wait for the field's blur.
    // Without this, the stale message vanishes on the Save button's mousedown and the click is lost.
    onValuesChange: (values) => {
      const shown = Object.keys(form.errors);
      if (shown.length === 0) return;
      const messages = draftMessages(values, t);
      const next: Record<string, string> = {};
      for (const path of shown) {
        const message = messages[path];
        if (message !== undefined) next[path] = message;
      }
      form.setErrors(next);
    },
  });
  return form;
}

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
function LegFields({ form, index, count, duration }: LegFieldsProps) {
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
            min={0}
            max={5000}
            allowNegative={false}
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

interface PickupFieldsProps {
  /** The route form holding the pickup points. */
  form: RouteFormValues;
  /** Which pickup point, counted from 0. */
  index: number;
  /** Minutes from the assembly to the first departure, NaN while not reckoned. */
  lead: number;
}

/** One pickup point on one line: county, assembly place and time, and a button to remove it. */
function PickupFields({ form, index, lead }: PickupFieldsProps) {
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
        placeholder={t('routes.hints.time')}
        w={220}
        description={
          Number.isFinite(lead) && lead <= LONGEST_ASSEMBLY_LEAD_MINUTES
            ? t('routes.hints.assemblyLead', { duration: durationText(lead, t) })
            : undefined
        }
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
  const form = useRouteForm(route ? draftOf(route, t) : { name: '', legs: [newLeg(undefined)], pickupPoints: [] }, t);
  const values = form.getValues();
  const { input, durations } = readDraft(values);
  const submit = form.onSubmit(
    async (draft, event) => {
      // Read before the first await: React lets go of the event's target afterwards.
      const root = event?.currentTarget ?? null;
      const saved = await saveFromForm(
        () => saveRoute(route?.id ?? null, readDraft(draft).input),
        (messages) => {
          const errors = toFormFields(messages);
          form.setErrors(errors);
          revealFirstProblem(root, errors);
        },
        t,
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
              />
            ))}
          </Stack>
        )}
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => form.insertListItem('pickupPoints', newPickup())}
          >
            {t('routes.addPickup')}
          </Button>
        </Group>
        <FormActions onCancel={onCancel} submitting={form.submitting} />
      </Stack>
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

import { Anchor, Badge, Button, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconCircleX,
  IconClock,
  IconHourglass,
  IconSquare,
  IconSquareCheck,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { formatTimestamp } from '@shared/dates';
import { CHECKLIST_ITEMS, UNIFICATION_LABELS } from '@shared/gate';
import type { GateItemReport, Light, TickedChecklistItem, UnificationReport } from '@shared/gate';
import { reasonMessage, type ReasonContext } from './gate-text';
import { confirmUntick, startTick } from './tick-dialogs';
import { fixLinks } from './gate-fixes';

/** Filled badge colours of the lights; the light's name is always written beside the colour. */
const LIGHT_COLORS: Readonly<Record<Light, string>> = { green: 'teal', amber: 'yellow', red: 'red' };

interface UnificationCardProps {
  /** The batch the items belong to, for ticking. */
  batchId: string;
  /** The batch's route, for the links to where a problem is fixed. */
  routeId: string;
  /** The unification with its light and items. */
  unification: UnificationReport;
  /** Texts, language, batch and route for the reasons. */
  context: ReasonContext;
  /** True once ticks can no longer change (the batch departed or was deleted): no tick buttons. */
  locked: boolean;
}

/** One of the five unifications: its name, its light in colour and words, and its items. */
export function UnificationCard({ batchId, routeId, unification, context, locked }: UnificationCardProps) {
  const { t, language } = context;
  const headingId = `gate-${unification.unification}`;
  return (
    <Card
      withBorder
      component="section"
      aria-labelledby={headingId}
      data-unification={unification.unification}
      data-light={unification.light}
      style={{ borderLeft: `6px solid var(--mantine-color-${LIGHT_COLORS[unification.light]}-6)` }}
    >
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4} id={headingId}>
            {UNIFICATION_LABELS[unification.unification][language]}
          </Title>
          <Badge
            size="lg"
            variant="filled"
            autoContrast
            color={LIGHT_COLORS[unification.light]}
            data-light={unification.light}
            leftSection={<LightIcon light={unification.light} />}
          >
            {t(`gate.light.${unification.light}`)}
          </Badge>
        </Group>
        {unification.items.map((item) => (
          <ItemRow key={item.key} batchId={batchId} routeId={routeId} item={item} context={context} locked={locked} />
        ))}
      </Stack>
    </Card>
  );
}

/** The icon beside a light's name, so the light reads without its colour. */
function LightIcon({ light }: { /** The light to show. */ light: Light }) {
  if (light === 'green') return <IconCircleCheck size={16} aria-hidden />;
  if (light === 'amber') return <IconHourglass size={16} aria-hidden />;
  return <IconCircleX size={16} aria-hidden />;
}

type StateLook = 'met' | 'unmet-derived' | 'unmet-ticked' | 'broken' | 'no-checks-yet' | 'not-due';

const STATE_LOOKS: Readonly<Record<StateLook, { color: string; icon: ReactNode }>> = {
  met: { color: 'teal', icon: <IconCircleCheck size={18} aria-hidden /> },
  'unmet-derived': { color: 'red', icon: <IconCircleX size={18} aria-hidden /> },
  'unmet-ticked': { color: 'yellow', icon: <IconSquare size={18} aria-hidden /> },
  broken: { color: 'red', icon: <IconAlertTriangle size={18} aria-hidden /> },
  'no-checks-yet': { color: 'yellow', icon: <IconHourglass size={18} aria-hidden /> },
  'not-due': { color: 'gray', icon: <IconClock size={18} aria-hidden /> },
};

function stateLook(item: GateItemReport): StateLook {
  if (item.state === 'unmet') return item.kind === 'derived' ? 'unmet-derived' : 'unmet-ticked';
  return item.state;
}

interface ItemRowProps {
  /** The batch the item belongs to, for ticking. */
  batchId: string;
  /** The batch's route, for the links to where a problem is fixed. */
  routeId: string;
  /** The item's state, reasons and deciding tick. */
  item: GateItemReport;
  /** Texts, language, batch and route for the reasons. */
  context: ReasonContext;
  /** True once ticks can no longer change: no tick buttons. */
  locked: boolean;
}

/** One checklist item: state in icon and words, its reasons, its tick, and the tick buttons. */
function ItemRow({ batchId, routeId, item, context, locked }: ItemRowProps) {
  const { t, language } = context;
  const row = CHECKLIST_ITEMS.find((candidate) => candidate.key === item.key);
  const label = row?.label[language] ?? item.key;
  const ticked: TickedChecklistItem | null = row?.kind === 'ticked' ? row : null;
  const look = stateLook(item);
  const { color, icon } = STATE_LOOKS[look];
  // A departed batch is fixed nowhere any more; a met item needs no fixing.
  const links =
    locked || item.state === 'met' || item.state === 'not-due' ? [] : fixLinks(item.reasons, { batchId, routeId });
  return (
    <Group
      wrap="nowrap"
      align="flex-start"
      gap="sm"
      data-testid="gate-item"
      data-item={item.key}
      data-state={item.state}
      data-kind={item.kind}
    >
      <ThemeIcon variant="light" color={color} size={28} radius="xl" mt={2}>
        {icon}
      </ThemeIcon>
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Group gap="xs">
          <Text fw={500}>{label}</Text>
          <Badge variant="light" color={color} size="sm">
            {t(`gate.state.${look}`)}
          </Badge>
          <Text size="xs" c="dimmed">
            {t(`gate.kind.${item.kind}`)}
          </Text>
        </Group>
        {item.reasons.map((reason, index) => (
          <Text size="sm" key={index} c={look === 'met' ? undefined : `${color}.9`} data-reason={reason.code}>
            {reasonMessage(reason, context)}
          </Text>
        ))}
        {links.length > 0 && (
          <Group gap="md">
            {links.map((link) => (
              <Anchor
                key={link.to}
                component={Link}
                to={link.to}
                size="sm"
                data-testid="gate-fix"
                data-fix={link.fix}
                aria-label={t('gate.fix.label', { item: label, place: t(`gate.fix.${link.fix}`) })}
              >
                {t(`gate.fix.${link.fix}`)}
              </Anchor>
            ))}
          </Group>
        )}
        {item.tick && (
          <Text size="sm" c="dimmed" data-testid="tick-by">
            {t('gate.tick.byAt', { by: item.tick.by, at: formatTimestamp(item.tick.at, language) })}
          </Text>
        )}
        {item.tick && item.tick.note.trim() !== '' && (
          <Text size="sm" data-testid="tick-note">
            {ticked?.note
              ? t('gate.tick.note', { prompt: ticked.note.prompt[language], note: item.tick.note })
              : t('gate.tick.plainNote', { note: item.tick.note })}
          </Text>
        )}
      </Stack>
      {ticked && !locked && (
        <Group gap="xs" wrap="nowrap">
          {item.state !== 'met' && (
            <Button
              size="xs"
              leftSection={<IconSquareCheck size={14} />}
              aria-label={t(item.tick ? 'gate.tick.againLabel' : 'gate.tick.tickLabel', { item: label })}
              onClick={() => startTick({ t, language, batchId, item: ticked })}
            >
              {t(item.tick ? 'gate.tick.again' : 'gate.tick.tick')}
            </Button>
          )}
          {item.tick && (
            <Button
              size="xs"
              variant="subtle"
              color="gray"
              aria-label={t('gate.tick.untickLabel', { item: label })}
              onClick={() => confirmUntick({ t, language, batchId, item: ticked })}
            >
              {t('gate.tick.untick')}
            </Button>
          )}
        </Group>
      )}
    </Group>
  );
}

/**
 * One follow-up of a worker as their page shows it (issue 17, item 4): the handover, the employment
 * periods with the months employed in each, the contact points of the schedule and every contact
 * logged, oldest first. A corrected contact stays in the log (it is never edited in place): it is
 * shown struck through under the correction that replaced it, with the reason.
 */
import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CSSProperties } from 'react';
import type { CalendarDate, Contact, Handover, Language } from '@shared/domain/records';
import { formatCalendarDate, formatTimestamp } from '@shared/dates';
import { contactSchedule, dueState, monthsEmployed } from '@shared/followup';
import type { WorkerFollowUp } from '@renderer/db';
import { DetailField } from '@renderer/components/DetailField';

/** A follow-up with the names its page shows. */
export interface TimelineEntry extends WorkerFollowUp {
  batchName: string;
  enterpriseName: string;
  handover: Handover | null;
  staffName: string | null;
  stationName: string | null;
  contactDays: readonly number[];
}

const STRUCK: CSSProperties = { textDecoration: 'line-through', opacity: 0.6 };

/** The contacts in the order shown: each live one, then (struck through) the ones it replaced. */
export function contactRows(contacts: readonly Contact[]): { contact: Contact; superseded: boolean }[] {
  const byId = new Map(contacts.map((contact) => [contact.id, contact]));
  const shown = new Set<string>();
  const rows: { contact: Contact; superseded: boolean }[] = [];
  for (const contact of contacts) {
    if (contact.supersededById && byId.has(contact.supersededById)) continue;
    rows.push({ contact, superseded: Boolean(contact.supersededById) });
    shown.add(contact.id);
    let replaced = contact.correctsId ? byId.get(contact.correctsId) : undefined;
    while (replaced && !shown.has(replaced.id)) {
      rows.push({ contact: replaced, superseded: true });
      shown.add(replaced.id);
      replaced = replaced.correctsId ? byId.get(replaced.correctsId) : undefined;
    }
  }
  return rows;
}

function dateOrDash(date: CalendarDate | null, language: Language): string {
  return date ? formatCalendarDate(date, language) : '';
}

function HandoverFacts({ entry, language, t }: { entry: TimelineEntry; language: Language; t: TFunction }) {
  const { handover } = entry;
  return (
    <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm">
      <DetailField label={t('timeline.handover.at')}>
        {handover
          ? formatTimestamp(handover.handedOverAt, language)
          : formatCalendarDate(entry.followUp.handedOverOn, language)}
      </DetailField>
      <DetailField label={t('timeline.handover.receiver')}>
        {handover ? `${handover.receiverName} ${handover.receiverPhone}`.trim() : ''}
      </DetailField>
      <DetailField label={t('timeline.handover.place')}>{handover?.place ?? ''}</DetailField>
      <DetailField label={t('timeline.handover.staff')}>{entry.staffName ?? t('timeline.handover.nobody')}</DetailField>
      <DetailField label={t('timeline.handover.station')}>{entry.stationName ?? ''}</DetailField>
    </SimpleGrid>
  );
}

function Periods({
  entry,
  today,
  language,
  t,
}: {
  entry: TimelineEntry;
  today: CalendarDate;
  language: Language;
  t: TFunction;
}) {
  return (
    <Stack gap={4}>
      <Title order={5}>{t('timeline.periods.title')}</Title>
      <Table.ScrollContainer minWidth={720}>
        <Table striped aria-label={t('timeline.periods.title')} data-testid="employment-periods">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('timeline.periods.employer')}</Table.Th>
              <Table.Th>{t('timeline.periods.city')}</Table.Th>
              <Table.Th>{t('timeline.periods.start')}</Table.Th>
              <Table.Th>{t('timeline.periods.end')}</Table.Th>
              <Table.Th>{t('timeline.periods.endReason')}</Table.Th>
              <Table.Th>{t('timeline.periods.months')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entry.periods.map((period) => (
              <Table.Tr key={period.id}>
                <Table.Td>{period.employerName}</Table.Td>
                <Table.Td>{period.employerCity}</Table.Td>
                <Table.Td>
                  {formatCalendarDate(period.start, language)}
                  <Text span size="xs" c="dimmed">
                    {` (${t(`timeline.periods.startSource.${period.startSource}`)})`}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {period.end ? formatCalendarDate(period.end, language) : t('timeline.periods.open')}
                </Table.Td>
                <Table.Td>
                  {period.endReason ? t(`followup.endReason.${period.endReason}`) : ''}
                  {period.endNote ? ` · ${period.endNote}` : ''}
                </Table.Td>
                <Table.Td data-testid="months-employed">
                  {t('timeline.periods.monthsValue', {
                    count: monthsEmployed({ start: period.start, end: period.end }, today),
                  })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed">
        {t('timeline.periods.asOf', { date: formatCalendarDate(today, language) })}
      </Text>
    </Stack>
  );
}

function Schedule({
  entry,
  today,
  language,
  t,
}: {
  entry: TimelineEntry;
  today: CalendarDate;
  language: Language;
  t: TFunction;
}) {
  const live = entry.contacts.filter((contact) => !contact.deletedAt);
  const schedule = contactSchedule(entry.followUp.handedOverOn, live, entry.contactDays);
  return (
    <Stack gap={4}>
      <Title order={5}>{t('timeline.schedule.title')}</Title>
      <Group gap="xs" data-testid="contact-points">
        {schedule.points.map((point) => {
          const state = point.answeredOn ? 'answered' : schedule.left ? 'left' : dueState(point.due, today);
          const color =
            state === 'answered' ? 'teal' : state === 'overdue' ? 'red' : state === 'due' ? 'orange' : 'gray';
          const word =
            state === 'answered'
              ? t('timeline.schedule.answered', { date: formatCalendarDate(point.answeredOn ?? point.due, language) })
              : state === 'overdue'
                ? t('timeline.schedule.overdue')
                : state === 'due'
                  ? t('timeline.schedule.dueToday')
                  : t('timeline.schedule.open');
          return (
            <Badge key={point.day} color={color} variant="light" size="lg" tt="none" data-state={state}>
              {`${t('timeline.schedule.point', { day: point.day })} · ${t('timeline.schedule.due', {
                date: formatCalendarDate(point.due, language),
              })} · ${word}`}
            </Badge>
          );
        })}
      </Group>
      <Text size="sm" data-testid="next-due">
        {schedule.left
          ? t('timeline.schedule.left')
          : schedule.nextDue
            ? t('timeline.schedule.next', { date: formatCalendarDate(schedule.nextDue, language) })
            : t('timeline.schedule.nextNone')}
      </Text>
    </Stack>
  );
}

function ContactLog({ entry, language, t }: { entry: TimelineEntry; language: Language; t: TFunction }) {
  const rows = contactRows(entry.contacts);
  const separator = t('common.listSeparator');
  return (
    <Stack gap={4}>
      <Title order={5}>{t('timeline.contacts.title')}</Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('timeline.contacts.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={940}>
          <Table aria-label={t('timeline.contacts.title')} data-testid="contact-log" verticalSpacing={6} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('timeline.contacts.date')}</Table.Th>
                <Table.Th>{t('timeline.contacts.method')}</Table.Th>
                <Table.Th>{t('timeline.contacts.outcome')}</Table.Th>
                <Table.Th>{t('timeline.contacts.employer')}</Table.Th>
                <Table.Th>{t('timeline.contacts.income')}</Table.Th>
                <Table.Th>{t('timeline.contacts.difficulties')}</Table.Th>
                <Table.Th>{t('timeline.contacts.action')}</Table.Th>
                <Table.Th>{t('timeline.contacts.nextDate')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ contact, superseded }) => (
                <Table.Tr
                  key={contact.id}
                  data-testid={superseded ? 'contact-superseded' : 'contact'}
                  style={superseded ? STRUCK : undefined}
                >
                  <Table.Td>
                    {formatCalendarDate(contact.date, language)}
                    {superseded && (
                      <Badge ml={4} size="xs" color="gray" variant="outline" style={{ textDecoration: 'none' }}>
                        {t('timeline.contacts.corrected')}
                      </Badge>
                    )}
                    {!superseded && contact.correctsId && (
                      <Badge ml={4} size="xs" color="blue" variant="light">
                        {t('timeline.contacts.correction')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{`${t(`followup.method.${contact.method}`)} · ${contact.by}`}</Table.Td>
                  <Table.Td>
                    {t(`followup.outcome.${contact.outcome}`)}
                    {(contact.leftOn || contact.leftReason) && (
                      <Text size="xs" c="dimmed">
                        {t('timeline.contacts.leftLine', {
                          detail: [dateOrDash(contact.leftOn, language), contact.leftReason]
                            .filter((part) => part !== '')
                            .join(' · '),
                        })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {[contact.employerName, contact.employerCity].filter((part) => part !== '').join(' · ')}
                    {contact.startedOn && (
                      <Text span size="xs" c="dimmed">
                        {` ${t('timeline.contacts.startedOn')} ${formatCalendarDate(contact.startedOn, language)}`}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {contact.monthlyIncome === null
                      ? ''
                      : t('timeline.contacts.incomeValue', { amount: contact.monthlyIncome })}
                  </Table.Td>
                  <Table.Td>
                    {contact.difficulties}
                    {contact.needs.length > 0 && (
                      <Text size="xs" c="orange.8">
                        {t('timeline.contacts.needsLine', {
                          needs: contact.needs.map((need) => t(`followup.need.${need}`)).join(separator),
                        })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {contact.action}
                    {!superseded && contact.correctsId && contact.correctionReason && (
                      <Text size="xs" c="blue" data-testid="correction-reason">
                        {t('timeline.contacts.correctionReason', { reason: contact.correctionReason })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{dateOrDash(contact.nextDate, language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** One follow-up: handover, periods, schedule and contacts, as of `today` (Beijing calendar). */
export function FollowUpTimeline({
  entry,
  today,
  language,
}: {
  entry: TimelineEntry;
  today: CalendarDate;
  language: Language;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid="follow-up">
      <Stack gap="md">
        <Group gap="sm">
          <Title order={4}>{t('timeline.handover.title')}</Title>
          <Text size="sm">
            {t('timeline.handover.line', { batch: entry.batchName, enterprise: entry.enterpriseName })}
          </Text>
        </Group>
        <HandoverFacts entry={entry} language={language} t={t} />
        <Periods entry={entry} today={today} language={language} t={t} />
        <Schedule entry={entry} today={today} language={language} t={t} />
        <ContactLog entry={entry} language={language} t={t} />
      </Stack>
    </Card>
  );
}

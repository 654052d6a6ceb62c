import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contact } from '@shared/domain/records';
import { formatCalendarDate } from '@shared/dates';
import { contactSchedule } from '@shared/followup';
import { useLanguage } from '../../i18n/use-language';

interface ContactHistoryProps {
  handedOverOn: string;
  /** Every contact of the follow-up, corrected ones too, oldest first. */
  contacts: readonly Contact[];
  contactDays: readonly number[];
  /** Null while a correction is open: one at a time. */
  onCorrect: ((contact: Contact) => void) | null;
}

/** Beside the contact form: the schedule's points (done or open) and the contacts so far, newest first, each correctable. */
export function ContactHistory({ handedOverOn, contacts, contactDays, onCorrect }: ContactHistoryProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const live = contacts.filter((contact) => !contact.deletedAt);
  const schedule = contactSchedule(handedOverOn, live, contactDays);
  return (
    <Stack gap="sm" data-testid="contact-history">
      <Paper withBorder p="sm">
        <Title order={5} mb={4}>
          {t('followup.form.schedule')}
        </Title>
        <Stack gap={2}>
          {schedule.points.map((point) => (
            <Group key={point.day} justify="space-between" wrap="nowrap" data-testid="schedule-point">
              <Text size="sm">
                {t('followup.form.pointLine', { day: point.day, date: formatCalendarDate(point.due, language) })}
              </Text>
              <Badge variant="light" color={point.answeredOn ? 'teal' : 'gray'} tt="none">
                {point.answeredOn
                  ? t('followup.form.answered', { date: formatCalendarDate(point.answeredOn, language) })
                  : t('followup.form.open')}
              </Badge>
            </Group>
          ))}
          {schedule.left && (
            <Text size="sm" c="dimmed">
              {t('followup.form.left')}
            </Text>
          )}
        </Stack>
      </Paper>
      <Paper withBorder p="sm">
        <Title order={5} mb={4}>
          {t('followup.form.history')}
        </Title>
        {contacts.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('followup.form.noContacts')}
          </Text>
        )}
        <Stack gap="xs">
          {[...contacts].reverse().map((contact) => {
            const superseded = Boolean(contact.deletedAt);
            return (
              <Stack key={contact.id} gap={0} data-testid="history-contact" data-superseded={superseded}>
                <Group justify="space-between" wrap="nowrap">
                  <Text size="sm" td={superseded ? 'line-through' : undefined}>
                    {t('followup.form.contactLine', {
                      date: formatCalendarDate(contact.date, language),
                      method: t(`followup.method.${contact.method}`),
                      by: contact.by,
                    })}
                  </Text>
                  <Group gap={4} wrap="nowrap">
                    <Badge variant="light" tt="none">
                      {t(`followup.outcome.${contact.outcome}`)}
                    </Badge>
                    {superseded ? (
                      <Badge color="gray" variant="outline" tt="none">
                        {t('followup.form.superseded')}
                      </Badge>
                    ) : (
                      onCorrect && (
                        <Button size="compact-xs" variant="subtle" onClick={() => onCorrect(contact)}>
                          {t('followup.form.correct')}
                        </Button>
                      )
                    )}
                  </Group>
                </Group>
                {(contact.employerName || contact.action || contact.difficulties) && (
                  <Text size="xs" c="dimmed">
                    {[contact.employerName, contact.difficulties, contact.action].filter(Boolean).join(' · ')}
                  </Text>
                )}
                {contact.correctionReason && (
                  <Text size="xs" c="dimmed">
                    {t('followup.form.correctionOf', { reason: contact.correctionReason })}
                  </Text>
                )}
              </Stack>
            );
          })}
        </Stack>
      </Paper>
    </Stack>
  );
}

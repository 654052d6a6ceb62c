/**
 * The worker page's employment follow-up (issue 17, item 4): each of the worker's follow-ups, newest
 * handover first, with a link to the follow-up workspace to log the next contact there.
 */
import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { todayCalendarDate } from '@shared/dates';
import {
  followUpsOfWorker,
  getBatch,
  getEnterprise,
  getSettings,
  batchArrivalState,
  useRepositoryQuery,
} from '@renderer/db';
import { useLanguage } from '@renderer/i18n/use-language';
import { FollowUpTimeline, type TimelineEntry } from './FollowUpTimeline';

/** The worker's follow-ups with the names of their batch, enterprise, handover, staff and station. */
export async function workerTimeline(workerId: string): Promise<TimelineEntry[]> {
  const [followUps, settings] = await Promise.all([followUpsOfWorker(workerId), getSettings()]);
  return Promise.all(
    followUps.map(async (entry) => {
      const { followUp } = entry;
      const [batch, enterprise, state] = await Promise.all([
        getBatch(followUp.batchId),
        getEnterprise(followUp.enterpriseId),
        batchArrivalState(followUp.batchId),
      ]);
      return {
        ...entry,
        batchName: batch?.name ?? '',
        enterpriseName: enterprise?.name ?? '',
        handover: state.handovers.find((handover) => handover.id === followUp.handoverId) ?? null,
        staffName: settings.staff.find((member) => member.id === followUp.staffId)?.name ?? null,
        stationName: settings.liaisonStations.find((station) => station.id === followUp.stationId)?.name ?? null,
        contactDays: settings.contactDays,
      };
    }),
  );
}

export function WorkerFollowUps({ workerId }: { workerId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const entries = useRepositoryQuery(() => workerTimeline(workerId), [workerId]);
  if (!entries) return null;
  const today = todayCalendarDate();
  return (
    <Stack gap="sm" data-testid="worker-follow-ups">
      <Group justify="space-between">
        <Title order={3}>{t('timeline.title')}</Title>
        {entries.length > 0 && (
          <Anchor component={Link} to={`/followup?worker=${encodeURIComponent(workerId)}`} data-testid="open-workspace">
            {t('timeline.openWorkspace')}
          </Anchor>
        )}
      </Group>
      {entries.length === 0 ? (
        <Card withBorder>
          <Text size="sm" c="dimmed">
            {t('timeline.none')}
          </Text>
        </Card>
      ) : (
        entries.map((entry) => (
          <FollowUpTimeline key={entry.followUp.id} entry={entry} today={today} language={language} />
        ))
      )}
    </Stack>
  );
}

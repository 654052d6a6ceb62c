import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatCalendarDate } from '@shared/dates';
import { introductionsOfWorker, useRepositoryQuery } from '@renderer/db';
import { useLanguage } from '@renderer/i18n/use-language';

/**
 * On a worker's page: by which HR service agency they were introduced to which enterprise, and
 * when (issue 18, item 2), each agency a link to its page. Nothing is shown for someone no agency
 * introduced.
 */
export function WorkerIntroductions({ workerId }: { workerId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rows = useRepositoryQuery(() => introductionsOfWorker(workerId), [workerId]);
  if (!rows || rows.length === 0) return null;
  return (
    <Card withBorder data-testid="worker-introductions">
      <Title order={4} mb="xs">
        {t('agencies.worker.title')}
      </Title>
      <Stack gap={4}>
        {rows.map((row) => (
          <Text size="sm" key={row.introduction.id} data-testid="worker-introduction">
            <Anchor component={Link} to={`/agencies/${row.introduction.agencyId}`} size="sm">
              {t('agencies.worker.line', {
                date: formatCalendarDate(row.introduction.introducedOn, language),
                agency: row.agencyName,
                enterprise: row.enterpriseName,
              })}
            </Anchor>
          </Text>
        ))}
      </Stack>
    </Card>
  );
}

import { Button, Card, Group, Progress, Stack, Text } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DocumentRow } from './document-rows';

/** A build under way: which document, what for, how far. */
export interface Job {
  row: DocumentRow;
  purpose: 'preview' | 'save';
  percent: number;
}

interface JobProgressProps {
  /** The build under way. */
  job: Job;
  /** The document's name. */
  name: string;
  /** Cancels the build: nothing is saved or shown. */
  onCancel: () => void;
}

/** How far the document being made has come, with Cancel. */
export function JobProgress({ job, name, onCancel }: JobProgressProps) {
  const { t } = useTranslation();
  const percent = Math.floor(job.percent);
  return (
    <Card withBorder bg="var(--mantine-color-gray-light)" data-testid="document-progress" data-percent={percent}>
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={4} style={{ flex: 1 }}>
          <Group justify="space-between">
            <Text size="sm" fw={500}>
              {t('documents.progress.label', { document: name })}
            </Text>
            <Text size="sm" c="dimmed">
              {/* The last step, writing the file out, reports no progress of its own. */}
              {percent >= 100 ? t('documents.progress.finishing') : t('documents.progress.steps', { percent })}
            </Text>
          </Group>
          <Progress value={percent} animated aria-label={t('documents.progress.label', { document: name })} />
        </Stack>
        <Button variant="default" leftSection={<IconX size={16} />} onClick={onCancel}>
          {t('documents.progress.cancel')}
        </Button>
      </Group>
    </Card>
  );
}

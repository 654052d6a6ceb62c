import { memo } from 'react';
import { Paper, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HealthProgress } from '@shared/health';

/** The lists the station keeps, one per figure (and everyone). */
export const STATION_LISTS = ['notChecked', 'recheck', 'failed', 'expired', 'passed', 'checked'] as const;
export type StationList = (typeof STATION_LISTS)[number];

const FIGURES: readonly { key: StationList; color: string }[] = [
  { key: 'checked', color: 'blue' },
  { key: 'passed', color: 'teal' },
  { key: 'failed', color: 'red' },
  { key: 'recheck', color: 'orange' },
  { key: 'notChecked', color: 'gray' },
  { key: 'expired', color: 'grape' },
];

interface ProgressFiguresProps {
  /** The batch's figures, live. */
  progress: HealthProgress;
  /** Called with the list a figure stands for when it is clicked: its list opens. */
  onShowList: (list: StationList) => void;
}

/** The batch's progress in six big figures, each a button that opens its list of passengers. */
export const ProgressFigures = memo(function ProgressFigures({ progress, onShowList }: ProgressFiguresProps) {
  const { t } = useTranslation();
  return (
    <section aria-label={t('health.progress.label')}>
      <SimpleGrid cols={6} spacing="sm">
        {FIGURES.map(({ key, color }) => {
          const label = t(`health.progress.${key}`);
          return (
            <UnstyledButton
              key={key}
              h="100%"
              onClick={() => onShowList(key)}
              aria-label={t('health.progress.showList', { label, count: progress[key] })}
              data-testid={`progress-${key}`}
              data-count={progress[key]}
            >
              <Paper
                withBorder
                p="sm"
                radius="md"
                h="100%"
                style={{ borderTop: `6px solid var(--mantine-color-${color}-6)` }}
              >
                <Text fz={18} fw={600}>
                  {label}
                </Text>
                <Text fz={40} fw={800} lh={1.1} c={`${color}.8`}>
                  {progress[key]}
                </Text>
              </Paper>
            </UnstyledButton>
          );
        })}
      </SimpleGrid>
      <Text size="sm" c="dimmed" mt={4} data-testid="progress-total">
        {t('health.progress.of', { total: progress.total })}
      </Text>
    </section>
  );
});

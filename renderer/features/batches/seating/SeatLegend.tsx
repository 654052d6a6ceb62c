import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import classes from './LegSeating.module.css';

/** What the seat states look like, each with its words. */
export function SeatLegend() {
  const { t } = useTranslation();
  const states = ['taken', 'free', 'closed', 'reserved', 'picked'] as const;
  return (
    <Group gap="md" mb="md" aria-label={t('seating.legend.title')} role="list">
      {states.map((state) => (
        <Group key={state} gap={6} role="listitem">
          <span className={classes.swatch} data-state={state} aria-hidden />
          <Text size="xs">{t(`seating.legend.${state}`)}</Text>
        </Group>
      ))}
    </Group>
  );
}

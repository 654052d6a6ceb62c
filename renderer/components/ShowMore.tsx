import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface ShowMoreProps {
  /** Rows on screen now, and in the list. */
  shown: number;
  total: number;
  /** How many more one click shows. */
  step: number;
  onMore: (next: number) => void;
  /** The i18n block whose `shown` and `showMore` say it ("显示前 100 人，共 133 人", "再显示 500 人"). */
  words: string;
}

/** Under a long list drawn in part: how many are shown, and a button that shows `step` more. Nothing when all are shown. */
export function ShowMore({ shown, total, step, onMore, words }: ShowMoreProps) {
  const { t } = useTranslation();
  if (total <= shown) return null;
  return (
    <Group>
      <Text size="sm" c="dimmed">
        {t(`${words}.shown`, { shown, total })}
      </Text>
      <Button variant="default" size="xs" onClick={() => onMore(shown + step)}>
        {t(`${words}.showMore`, { count: Math.min(step, total - shown) })}
      </Button>
    </Group>
  );
}

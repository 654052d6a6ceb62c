import { useEffect, useRef } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatTimestamp } from '@shared/dates';
import { useLanguage } from '../../i18n/use-language';
import { temperaturesText } from './station-text';
import type { CheckConflict } from './use-check-save';

interface ConflictAlertProps {
  /** The passenger's name. */
  name: string;
  /** What another station saved since the form opened. */
  conflict: CheckConflict;
  /** Keeps the other station's check: nothing typed here is saved. */
  onKeepTheirs: () => void;
  /** Saves this station's check after all, as following the other one. */
  onSaveMine: () => void;
}

/**
 * The check another station saved while this one was typed, with the choice between the two. The
 * examiner decides, by Tab and Enter or Esc: the focus starts on keeping theirs.
 */
export function ConflictAlert({ name, conflict, onKeepTheirs, onSaveMine }: ConflictAlertProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const keepTheirsRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    keepTheirsRef.current?.focus();
  }, [conflict]);
  return (
    <Alert color="red" icon={<IconAlertTriangle size={24} />} data-testid="conflict" role="alert">
      <Stack gap="xs">
        <Text fz={20} fw={700}>
          {t('health.conflict.title', { name })}
        </Text>
        <Text fz={18} data-testid="conflict-other">
          {conflict.latest
            ? t('health.conflict.other', {
                at: formatTimestamp(conflict.latest.checkedAt, language),
                examiner: conflict.latest.examiner,
                temperatures: temperaturesText(conflict.latest, t),
                verdict: t(`health.verdict.${conflict.latest.result}`),
              })
            : t('health.conflict.none')}
        </Text>
        <Text fz={16}>{t('health.conflict.kept')}</Text>
        <Group>
          <Button size="md" variant="default" onClick={onKeepTheirs} ref={keepTheirsRef}>
            {t('health.conflict.keepTheirs')}
          </Button>
          <Button size="md" color="red" onClick={onSaveMine}>
            {t('health.conflict.saveMine')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

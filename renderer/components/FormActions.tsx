import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface FormActionsProps {
  /** Leaves the form without saving. */
  onCancel: () => void;
  /** True while the save runs: the save button shows it and can not be pressed twice. Default false. */
  submitting?: boolean;
}

/** The foot of every form: cancel, and save (the form's submit button). */
export function FormActions({ onCancel, submitting = false }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={submitting}>
        {t('common.save')}
      </Button>
    </Group>
  );
}

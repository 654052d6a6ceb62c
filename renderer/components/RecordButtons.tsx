import { Button } from '@mantine/core';
import { IconEdit, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface RecordButtonProps {
  /** What the button does: open the record's form, or ask before deleting it. */
  onClick: () => void;
}

/** The "edit" button at the top of a record's page. */
export function EditButton({ onClick }: RecordButtonProps) {
  const { t } = useTranslation();
  return (
    <Button leftSection={<IconEdit size={16} />} variant="default" onClick={onClick}>
      {t('common.edit')}
    </Button>
  );
}

/** The "delete" button at the top of a record's page. */
export function DeleteButton({ onClick }: RecordButtonProps) {
  const { t } = useTranslation();
  return (
    <Button leftSection={<IconTrash size={16} />} color="red" variant="light" onClick={onClick}>
      {t('common.delete')}
    </Button>
  );
}

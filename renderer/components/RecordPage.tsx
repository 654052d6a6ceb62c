import type { ReactNode } from 'react';
import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

interface RecordPageProps {
  /** Where the back link goes: the list the record belongs to. */
  backTo: string;
  /** The back link's text: the list's title. */
  backLabel: string;
  /** The record; null shows `notFoundText` instead of the page. */
  record: { deletedAt?: string | null } | null;
  /** Said when the record does not exist. */
  notFoundText: string;
  /** Said above a deleted record. */
  deletedText: string;
  /** Undoes the delete, from the banner above a deleted record. */
  onRestore: () => void;
  /** The record's page. */
  children: ReactNode;
}

/** The frame of a record's page: the way back, and what to say when it is gone or deleted. */
export function RecordPage({
  backTo,
  backLabel,
  record,
  notFoundText,
  deletedText,
  onRestore,
  children,
}: RecordPageProps) {
  const { t } = useTranslation();
  const back = (
    <Anchor component={Link} to={backTo} size="sm">
      <Group gap={4}>
        <IconArrowLeft size={16} />
        {backLabel}
      </Group>
    </Anchor>
  );
  if (record === null) {
    return (
      <Stack>
        {back}
        <Alert color="red">{notFoundText}</Alert>
      </Stack>
    );
  }
  return (
    <Stack maw={1100}>
      {back}
      {record.deletedAt && (
        <Alert color="red" variant="light">
          <Group justify="space-between">
            <Text size="sm">{deletedText}</Text>
            <Button size="xs" variant="light" onClick={onRestore}>
              {t('common.restore')}
            </Button>
          </Group>
        </Alert>
      )}
      {children}
    </Stack>
  );
}

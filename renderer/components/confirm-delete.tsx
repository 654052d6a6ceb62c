import { Button, Group, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { notifyWriteFailure } from './write-failure';

interface DeleteWithUndo {
  title: string;
  text: string;
  /** The message after the delete, next to the undo button. */
  deletedMessage: string;
  /** Soft-deletes the record. */
  remove: () => Promise<void>;
  /** Undoes the delete; shows its own outcome. */
  undo: () => Promise<void>;
  /** Runs after the delete, e.g. to leave the record's page. */
  afterDelete?: () => void;
}

/** Asks, soft-deletes, and offers undo in a message that stays long enough to be found. */
export function confirmDeleteWithUndo(t: TFunction, action: DeleteWithUndo): void {
  modals.openConfirmModal({
    title: action.title,
    children: <Text size="sm">{action.text}</Text>,
    labels: { confirm: t('common.delete'), cancel: t('common.cancel') },
    confirmProps: { color: 'red' },
    onConfirm: () => {
      action
        .remove()
        .then(() => {
          const id = `deleted-${crypto.randomUUID()}`;
          notifications.show({
            id,
            autoClose: 12_000,
            message: (
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm">{action.deletedMessage}</Text>
                <Button
                  size="compact-sm"
                  variant="light"
                  onClick={() => {
                    notifications.hide(id);
                    void action.undo();
                  }}
                >
                  {t('common.undo')}
                </Button>
              </Group>
            ),
          });
          action.afterDelete?.();
        })
        .catch((error: unknown) => notifyWriteFailure(error, t, 'deleting a record'));
    },
  });
}

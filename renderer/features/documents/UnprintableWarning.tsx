import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { UnprintableEntry } from '@shared/documents';

/** More than this many entries are counted, not listed: the dialog must still fit on the screen. */
const LISTED = 20;

const PEOPLE: ReadonlySet<UnprintableEntry['role']> = new Set(['passenger', 'escort', 'medic']);

interface UnprintableWarningProps {
  /** Who would print with □; the warning is shown while this is not null. */
  entries: readonly UnprintableEntry[] | null;
  /** Prints anyway: the characters print as □. */
  onGo: () => void;
  /** Prints nothing. */
  onCancel: () => void;
}

/**
 * Asks before a document is made in which some characters would print as □ (issue 15): names the
 * people (and places, enterprises, the batch) and the characters, so that a name on paper never
 * differs from the ID card without anyone having been told.
 */
export function UnprintableWarning({ entries, onGo, onCancel }: UnprintableWarningProps) {
  const { t } = useTranslation();
  const listed = (entries ?? []).slice(0, LISTED);
  const more = (entries?.length ?? 0) - listed.length;
  return (
    <Modal opened={entries !== null} onClose={onCancel} title={t('documents.unprintable.title')} size="lg">
      <Stack data-testid="unprintable-warning">
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />}>
          {t('documents.unprintable.text')}
        </Alert>
        <List size="sm" spacing={4}>
          {listed.map((entry, index) => (
            <List.Item key={`${entry.role}-${entry.name}-${String(index)}`} data-testid="unprintable-entry">
              <Text size="sm" fw={500} span>
                {t('documents.unprintable.entry', {
                  role: t(`documents.unprintable.roles.${entry.role}`),
                  name: entry.name,
                  fields: entry.fields
                    .map((field) =>
                      field === 'name' && PEOPLE.has(entry.role)
                        ? t('documents.unprintable.personName')
                        : t(`documents.unprintable.fields.${field}`),
                    )
                    .join(t('documents.unprintable.separator')),
                })}
              </Text>{' '}
              <Text size="xs" c="dimmed" span>
                {t('documents.unprintable.characters', { characters: entry.characters.join(' ') })}
              </Text>
            </List.Item>
          ))}
        </List>
        {more > 0 && (
          <Text size="sm" c="dimmed">
            {t('documents.unprintable.more', { count: more })}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} data-autofocus>
            {t('documents.unprintable.cancel')}
          </Button>
          <Button color="orange" onClick={onGo}>
            {t('documents.unprintable.go')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

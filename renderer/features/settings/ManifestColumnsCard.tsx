import { ActionIcon, Badge, Button, Card, Checkbox, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MANIFEST_COLUMNS, type ManifestColumn } from '@shared/domain/records';
import { manifestColumnLabel } from '@shared/documents/manifest-labels';
import { updateSettings } from '../../db';
import { saveFromForm } from '../../components/save-from-form';
import { useUnsavedChanges } from '../../components/unsaved-changes';
import { useLanguage } from '../../i18n/use-language';

/** The passenger's name is always printed: a manifest without names identifies no one. */
const REQUIRED: ManifestColumn = 'name';

/** Every column in the order shown: the printed ones in their order, then the others in the default order. */
function fullOrder(chosen: readonly ManifestColumn[]): ManifestColumn[] {
  return [...chosen, ...MANIFEST_COLUMNS.filter((column) => !chosen.includes(column))];
}

function moved(order: readonly ManifestColumn[], index: number, by: -1 | 1): ManifestColumn[] {
  const next = [...order];
  const target = index + by;
  const [column] = next.splice(index, 1);
  if (column === undefined || target < 0 || target > order.length - 1) return [...order];
  next.splice(target, 0, column);
  return next;
}

interface ManifestColumnsCardProps {
  /** The columns as stored in settings, in order. */
  columns: readonly ManifestColumn[];
}

/**
 * Which columns the passenger manifest prints and in what order (issue 6): a checkbox per column,
 * up and down buttons to move it (keyboard-usable: focus stays on the column that moved), the name
 * always on, saved with the settings.
 */
export function ManifestColumnsCard({ columns }: ManifestColumnsCardProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [order, setOrder] = useState<ManifestColumn[]>(() => fullOrder(columns));
  const [shown, setShown] = useState<ReadonlySet<ManifestColumn>>(() => new Set([...columns, REQUIRED]));
  const [error, setError] = useState<string | null>(null);
  const [focus, setFocus] = useState<{ column: ManifestColumn; direction: 'up' | 'down' } | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  const chosen = order.filter((column) => shown.has(column));
  const dirty = chosen.join() !== columns.join();
  useUnsavedChanges('manifest-columns', dirty);
  // The headings the manifest itself prints, in the app's language.
  const name = (column: ManifestColumn) => manifestColumnLabel(column, language);

  // After a move, the focus follows the column (React may have moved its buttons in the DOM); at
  // the top or bottom it goes to the other button, the one that still does something.
  useEffect(() => {
    if (!focus) return;
    const index = order.indexOf(focus.column);
    const atEdge = focus.direction === 'up' ? index === 0 : index === order.length - 1;
    const direction = atEdge ? (focus.direction === 'up' ? 'down' : 'up') : focus.direction;
    buttons.current.get(`${focus.column}:${direction}`)?.focus();
  }, [focus, order]);

  const move = (column: ManifestColumn, direction: 'up' | 'down') => {
    setOrder((current) => moved(current, current.indexOf(column), direction === 'up' ? -1 : 1));
    setFocus({ column, direction });
  };

  const toggle = (column: ManifestColumn, on: boolean) => {
    if (column === REQUIRED) return;
    setShown((current) => {
      const next = new Set(current);
      if (on) next.add(column);
      else next.delete(column);
      return next;
    });
  };

  const save = async () => {
    setError(null);
    const showProblems = (messages: Record<string, string>) =>
      setError(Object.values(messages).join(' ') || t('problems.manifest-columns'));
    if (
      await saveFromForm(
        () => updateSettings({ manifestColumns: chosen }, { manifestColumns: [...columns] }),
        showProblems,
        t,
      )
    ) {
      notifications.show({ color: 'teal', message: t('documents.columns.saved') });
    }
  };

  const buttonRef = (key: string) => (element: HTMLButtonElement | null) => {
    if (element) buttons.current.set(key, element);
    else buttons.current.delete(key);
  };

  return (
    <Card withBorder component="section" aria-labelledby="manifest-columns-title" data-testid="manifest-columns">
      <Title order={4} id="manifest-columns-title">
        {t('documents.columns.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('documents.columns.hint')}
      </Text>
      <Stack gap={4} role="list" aria-label={t('documents.columns.listLabel')}>
        {order.map((column, index) => {
          const printed = shown.has(column);
          const position = chosen.indexOf(column);
          return (
            <Group
              key={column}
              role="listitem"
              justify="space-between"
              wrap="nowrap"
              px="xs"
              py={4}
              data-column={column}
              data-printed={printed}
              style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
            >
              <Group gap="sm" wrap="nowrap">
                <Tooltip label={t('documents.columns.nameRequired')} disabled={column !== REQUIRED}>
                  <Checkbox
                    checked={printed}
                    disabled={column === REQUIRED}
                    aria-label={t('documents.columns.show', { column: name(column) })}
                    onChange={(event) => toggle(column, event.currentTarget.checked)}
                  />
                </Tooltip>
                <Text fw={printed ? 500 : undefined} c={printed ? undefined : 'dimmed'}>
                  {name(column)}
                </Text>
                {column === REQUIRED && (
                  <Text size="xs" c="dimmed">
                    {t('documents.columns.nameRequired')}
                  </Text>
                )}
              </Group>
              <Group gap="xs" wrap="nowrap">
                <Badge variant={printed ? 'light' : 'outline'} color={printed ? 'blue' : 'gray'} w={110} tt="none">
                  {printed ? t('documents.columns.position', { n: position + 1 }) : t('documents.columns.hidden')}
                </Badge>
                <ActionIcon
                  variant="default"
                  ref={buttonRef(`${column}:up`)}
                  disabled={index === 0}
                  aria-label={t('documents.columns.up', { column: name(column) })}
                  onClick={() => move(column, 'up')}
                >
                  <IconArrowUp size={16} />
                </ActionIcon>
                <ActionIcon
                  variant="default"
                  ref={buttonRef(`${column}:down`)}
                  disabled={index === order.length - 1}
                  aria-label={t('documents.columns.down', { column: name(column) })}
                  onClick={() => move(column, 'down')}
                >
                  <IconArrowDown size={16} />
                </ActionIcon>
              </Group>
            </Group>
          );
        })}
      </Stack>
      {error && (
        <Text size="sm" c="red" mt="xs" role="alert">
          {error}
        </Text>
      )}
      <Group mt="md">
        <Button onClick={() => void save()} disabled={!dirty}>
          {t('documents.columns.save')}
        </Button>
        <Button
          variant="default"
          onClick={() => {
            setOrder([...MANIFEST_COLUMNS]);
            setShown(new Set(MANIFEST_COLUMNS));
          }}
        >
          {t('documents.columns.reset')}
        </Button>
      </Group>
    </Card>
  );
}

import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { Alert, Badge, Button, Group, Modal, Radio, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LastChange, RecordChangedError, RecordVersion } from '@shared/domain/problems';
import { formatTimestamp } from '@shared/dates';
import { fieldLabel, valueText, type AuditReading } from './audit-changes';
import { conflictFields, mergedValues, proposedChoices, type ConflictField, type ConflictSide } from './conflict-merge';
import { useAuditReading } from './use-audit-reading';
import { useLanguage } from '../i18n/use-language';
import { recordNames, useRepositoryQuery } from '../db';

interface ConflictDialogProps {
  /** The record's table: where the field labels and the words for stored values come from. */
  table: string;
  /** Each field of the form in both versions (conflict-merge.ts). */
  fields: readonly ConflictField[];
  /** Who saved the stored version and when, when the audit trail tells. */
  changedBy: LastChange | null;
  /** The records the values refer to, so that a name is shown instead of an id. */
  names: Readonly<Record<string, string>> | undefined;
  /** Called with the version chosen for each differing field. */
  onChoose: (choices: Record<string, ConflictSide>) => void;
  /** Called when the user goes back to the form without saving. */
  onCancel: () => void;
}

function shown(table: string, field: string, value: unknown, reading: AuditReading): string {
  return valueText(table, field, value, reading);
}

/**
 * The two versions of a record that was saved by someone else after the user's form loaded it:
 * every field of the form, in the screens' words (the labels and values of the change history),
 * the fields that differ marked, and for each of them the user's choice of their own value or the
 * stored one. Nothing is saved until the user confirms; going back leaves the form as it was.
 */
export function ConflictDialog({ table, fields, changedBy, names, onChoose, onCancel }: ConflictDialogProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const reading = useAuditReading(names);
  const [choices, setChoices] = useState<Record<string, ConflictSide>>(() => proposedChoices(fields));
  const differing = fields.filter((one) => one.differs);
  // The fields to choose come first, so that none hides below the fold of a long form.
  const ordered = [...differing, ...fields.filter((one) => !one.differs)];
  const who = changedBy
    ? t('conflict.changedBy', {
        operator: changedBy.operator === '' ? t('audit.filters.unnamed') : changedBy.operator,
        at: formatTimestamp(changedBy.at, language),
      })
    : t('conflict.changedByUnknown');

  const side = (one: ConflictField, which: ConflictSide) => {
    const label = shown(table, one.field, one[which], reading);
    if (!one.differs) return <Text size="sm">{label}</Text>;
    return (
      <Radio
        name={`conflict-${one.field}`}
        value={which}
        checked={choices[one.field] === which}
        onChange={() => setChoices((current) => ({ ...current, [one.field]: which }))}
        label={label}
        aria-label={`${t(which === 'mine' ? 'conflict.keepMine' : 'conflict.keepTheirs')}${t('common.labelSeparator')}${fieldLabel(table, one.field, reading)}`}
        data-testid={`conflict-${which}-${one.field}`}
      />
    );
  };

  return (
    <Modal
      opened
      onClose={onCancel}
      title={t('conflict.title')}
      size="xl"
      zIndex={400}
      closeOnClickOutside={false}
      data-testid="conflict-dialog"
    >
      <Stack>
        <Alert color="orange" data-testid="conflict-who">
          {who} {t('conflict.explain', { count: differing.length })}
        </Alert>
        <Table striped={false} withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('conflict.field')}</Table.Th>
              <Table.Th>{t('conflict.mine')}</Table.Th>
              <Table.Th>{t('conflict.theirs')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ordered.map((one) => (
              <Table.Tr
                key={one.field}
                data-testid={`conflict-row-${one.field}`}
                data-differs={one.differs}
                bg={one.differs ? 'var(--mantine-color-orange-light)' : undefined}
              >
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm" fw={one.differs ? 600 : undefined}>
                      {fieldLabel(table, one.field, reading)}
                    </Text>
                    {one.differs && (
                      <Badge size="xs" color={one.bothChanged ? 'red' : 'orange'} variant="light">
                        {t(one.bothChanged ? 'conflict.bothChanged' : 'conflict.differs')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{side(one, 'mine')}</Table.Td>
                <Table.Td>{side(one, 'theirs')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('conflict.back')}
          </Button>
          <Button onClick={() => onChoose(choices)} data-testid="conflict-save">
            {t('conflict.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** What a form's save asks when the record was changed meanwhile. */
export interface ConflictResolver {
  /**
   * Shows both versions of the refused save's record as the form's values (`valuesOf`), and
   * resolves with the values the user chose field by field, or null when they went back to the form.
   */
  resolve: <V extends object>(error: RecordChangedError, valuesOf: (record: RecordVersion) => V) => Promise<V | null>;
  /** The dialog while one is asked: render it inside the form. */
  dialog: ReactNode;
}

interface Pending {
  error: RecordChangedError;
  base: object;
  mine: object;
  theirs: object;
  answer: (choices: Record<string, ConflictSide> | null) => void;
}

/** Names of the records the versions refer to (an enterprise, an opening), read while the dialog is open. */
function ConflictNames({
  pending,
  children,
}: {
  pending: Pending;
  children: (names?: Record<string, string>) => ReactNode;
}) {
  const { error } = pending;
  const names = useRepositoryQuery(
    () =>
      recordNames([
        { table: error.table, recordId: error.recordId, before: error.base, after: error.mine },
        { table: error.table, recordId: error.recordId, before: error.theirs, after: null },
      ]),
    [error],
  );
  return <>{children(names)}</>;
}

/**
 * The conflict dialog of one form (see `saveFromForm`): `resolve` opens it and waits for the
 * user's choice; the form renders `dialog`. Kept inside the form, so the form and what the user
 * typed stay as they were when they go back to it.
 */
export function useConflictResolver(): ConflictResolver {
  const [pending, setPending] = useState<Pending | null>(null);
  const current = useRef<Pending | null>(null);
  const resolve = useCallback(
    <V extends object>(error: RecordChangedError, valuesOf: (record: RecordVersion) => V): Promise<V | null> =>
      new Promise<V | null>((settle) => {
        const mine = valuesOf(error.mine);
        const theirs = valuesOf(error.theirs);
        const asked: Pending = {
          error,
          base: valuesOf(error.base),
          mine,
          theirs,
          answer: (choices) => {
            current.current = null;
            setPending(null);
            settle(choices === null ? null : mergedValues(mine, theirs, choices));
          },
        };
        current.current?.answer(null);
        current.current = asked;
        setPending(asked);
      }),
    [],
  );
  const dialog = useMemo(
    () =>
      pending && (
        <ConflictNames pending={pending}>
          {(names) => (
            <ConflictDialog
              table={pending.error.table}
              fields={conflictFields(pending.base, pending.mine, pending.theirs)}
              changedBy={pending.error.changedBy}
              names={names}
              onChoose={(choices) => pending.answer(choices)}
              onCancel={() => pending.answer(null)}
            />
          )}
        </ConflictNames>
      ),
    [pending],
  );
  return useMemo(() => ({ resolve, dialog }), [resolve, dialog]);
}

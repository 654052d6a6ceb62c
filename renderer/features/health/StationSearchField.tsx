import { useId, useMemo, useState, type KeyboardEvent, type RefObject } from 'react';
import { Alert, Badge, Group, Paper, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Batch } from '@shared/domain/records';
import { formatCalendarDate } from '@shared/dates';
import { compactIdentifier } from '@shared/domain/half-width';
import { parseResidentId } from '@shared/domain/resident-id';
import type { StationSearch } from '@shared/health';
import { lookUpResidentId } from '../../db';
import { logger } from '../../logger';
import { seatsText } from './station-text';
import { STATE_COLOR } from './PassengerLists';
import type { StationRow } from './use-station';
import { shownResidentId } from '@shared/privacy/anonymise';
import { useLanguage } from '../../i18n/use-language';

/** Rows the result list shows; the rest are counted. */
const SHOWN = 8;
/** A whole ID as typed or scanned: 18 characters (or a legacy 15 digits). */
const WHOLE_ID = /^(?:\d{17}[\dX]|\d{15})$/;

interface StationSearchFieldProps {
  /** The search over the batch's passengers. */
  search: StationSearch;
  /** The passengers by worker id, to show each match. */
  rowById: ReadonlyMap<string, StationRow>;
  /** The batch, for seats as on the tickets. */
  batch: Pick<Batch, 'legs'>;
  /** True while a check form is open: the field waits. */
  disabled: boolean;
  /** The input, so that the page can give it the focus back after a save. */
  inputRef: RefObject<HTMLInputElement | null>;
  /** Called with the passenger to check. */
  onOpen: (workerId: string) => void;
}

/**
 * The station's one big search field (keyboard first; an ID-card reader or a barcode scanner types
 * into it and presses Enter): exactly one match opens the check at once, several show a short list
 * to pick from with the arrow keys and Enter, and an ID that is not on the batch says whose it is.
 */
export function StationSearchField({ search, rowById, batch, disabled, inputRef, onOpen }: StationSearchFieldProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const listId = useId();
  const [query, setQuery] = useState('');
  const [highlighted, setHighlighted] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const result = useMemo(() => search.search(query, SHOWN), [search, query]);

  const open = (workerId: string) => {
    setQuery('');
    setHighlighted(null);
    setMessage(null);
    onOpen(workerId);
  };

  const explainNoMatch = async (text: string) => {
    const compact = compactIdentifier(text);
    if (!WHOLE_ID.test(compact)) {
      setMessage(t('health.search.nothing', { query: text.trim() }));
      return;
    }
    const parsed = parseResidentId(compact);
    if (!parsed.ok) {
      setMessage(t('health.search.idInvalid', { id: compact, problem: t(`problems.resident-id-${parsed.reason}`) }));
      return;
    }
    setMessage(t('health.search.lookingUp'));
    try {
      const found = await lookUpResidentId(parsed.id);
      if (!found) setMessage(t('health.search.idNotRegistered', { id: parsed.id }));
      else if (found.batches.length === 0) {
        setMessage(t('health.search.idOnNoBatch', { name: found.worker.name, id: parsed.id }));
      } else {
        const batches = found.batches
          .map((other) => {
            const date = formatCalendarDate(other.date, language);
            return language === 'en' ? `${other.name} (${date})` : `${other.name}（${date}）`;
          })
          .join(language === 'en' ? ', ' : '、');
        setMessage(t('health.search.idOnOtherBatch', { name: found.worker.name, id: parsed.id, batches }));
      }
    } catch (error) {
      logger.error('looking an ID up failed', error);
      setMessage(t('app.unexpectedError', { message: String(error) }));
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    const shown = result.ids;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (shown.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setHighlighted((current) =>
        current === null ? (step > 0 ? 0 : shown.length - 1) : (current + step + shown.length) % shown.length,
      );
      return;
    }
    if (event.key === 'Escape') {
      setQuery('');
      setHighlighted(null);
      setMessage(null);
      return;
    }
    if (event.key !== 'Enter') return;
    event.preventDefault();
    // Read the field itself: a scanner presses Enter right after the last character.
    const text = event.currentTarget.value;
    const now = text === query ? result : search.search(text, SHOWN);
    const picked = highlighted !== null && text === query ? now.ids[highlighted] : undefined;
    if (picked) open(picked);
    else if (now.exact) open(now.exact);
    else if (now.total === 0) void explainNoMatch(text);
    else {
      setHighlighted(0);
      setMessage(t('health.search.several', { count: now.total }));
    }
  };

  const activeId = highlighted !== null && result.ids[highlighted] ? `${listId}-${highlighted}` : undefined;
  return (
    <Stack gap="xs">
      <TextInput
        ref={inputRef}
        size="xl"
        aria-label={t('health.search.label')}
        placeholder={t('health.search.placeholder')}
        leftSection={<IconSearch size={26} />}
        value={query}
        disabled={disabled}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          setHighlighted(null);
          setMessage(null);
        }}
        onKeyDown={onKeyDown}
        role="combobox"
        aria-expanded={!disabled && result.ids.length > 0}
        aria-controls={!disabled && result.ids.length > 0 ? listId : undefined}
        aria-activedescendant={activeId}
        styles={{ input: { fontSize: 26, height: 64 } }}
        description={t('health.search.hint')}
      />
      {message && (
        <Alert color="orange" icon={<IconAlertTriangle size={22} />} data-testid="search-message" role="alert">
          <Text fz={18}>{message}</Text>
        </Alert>
      )}
      {!disabled && result.ids.length > 0 && (
        <Paper withBorder radius="md" p={4}>
          <Text size="sm" c="dimmed" px="xs" data-testid="search-count">
            {t('health.search.results', { count: result.total })}
          </Text>
          <Stack gap={2} id={listId} role="listbox" aria-label={t('health.search.label')}>
            {result.matches.map(({ id, reason }, index) => {
              const row = rowById.get(id);
              if (!row) return null;
              const active = index === highlighted;
              return (
                <UnstyledButton
                  key={id}
                  id={`${listId}-${index}`}
                  role="option"
                  aria-selected={active}
                  data-testid="search-result"
                  data-worker-id={id}
                  tabIndex={-1}
                  px="sm"
                  py={6}
                  style={{
                    borderRadius: 6,
                    background: active ? 'var(--mantine-color-blue-1)' : undefined,
                    outline: active ? '3px solid var(--mantine-color-blue-6)' : undefined,
                  }}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => open(id)}
                >
                  <Group gap="md" wrap="nowrap">
                    <Text fz={22} fw={700} miw={120}>
                      {row.worker.name}
                    </Text>
                    <Text fz={16} ff="monospace">
                      {shownResidentId(row.worker.residentId)}
                    </Text>
                    <Text fz={16}>{seatsText(row.assignment.seats, batch, language)}</Text>
                    <Badge size="lg" tt="none" variant="light" color={STATE_COLOR[row.health.state]}>
                      {t(`health.state.${row.health.state}`)}
                    </Badge>
                    {/* Why this row matched: a doctor must see that 138…21 was a phone, not the seat. */}
                    <Text fz={14} c="dimmed" data-testid="search-reason" data-reason={reason.by}>
                      {t(`health.search.matchedBy.${reason.by}`, { phone: row.worker.phone })}
                    </Text>
                  </Group>
                </UnstyledButton>
              );
            })}
          </Stack>
          {result.total > result.ids.length && (
            <Text size="sm" c="dimmed" px="xs">
              {t('health.search.moreResults', { count: result.total - result.ids.length })}
            </Text>
          )}
        </Paper>
      )}
    </Stack>
  );
}

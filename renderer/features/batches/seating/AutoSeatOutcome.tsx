import { Card, List, ScrollArea, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SeatAllocation } from '@shared/seating';
import { seatingNoteText, type SeatingLookups } from './seating-text';

interface AutoSeatOutcomeProps {
  /** What the last automatic seating of the leg did. */
  outcome: SeatAllocation;
  /** The leg as named to people: 第2段 火车 百色站→广州南站. */
  legTitle: string;
  /** Names for the ids in the notes. */
  lookups: SeatingLookups;
}

/** What an automatic seating did: how many it seated, and each rule it could not keep. */
export function AutoSeatOutcome({ outcome, legTitle, lookups }: AutoSeatOutcomeProps) {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid="auto-seat-outcome">
      <Title order={5} mb="xs">
        {t('seating.outcomeTitle')}
      </Title>
      <Text size="sm" mb="xs">
        {t('seating.autoSeated', {
          leg: legTitle,
          seated: outcome.seats.length,
          unseated: outcome.unseated.length,
        })}
      </Text>
      {outcome.notes.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('seating.allKept')}
        </Text>
      ) : (
        <>
          <Text size="sm" fw={500}>
            {t('seating.notesTitle')}
          </Text>
          <ScrollArea.Autosize mah={200}>
            <List size="sm" spacing={2} data-testid="auto-seat-notes">
              {outcome.notes.map((note, index) => (
                <List.Item key={index} data-code={note.code}>
                  {seatingNoteText(t, note, lookups)}
                </List.Item>
              ))}
            </List>
          </ScrollArea.Autosize>
        </>
      )}
    </Card>
  );
}

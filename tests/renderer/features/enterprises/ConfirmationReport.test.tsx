// @vitest-environment jsdom
/**
 * The report of an enterprise confirmation list (issue 17, item 6): the counts and the rows of each
 * category with the reason in words, in both languages; a contradicting row is written only once
 * the coordinator ticks it, and one the contact rules refuse cannot be ticked.
 */
import { useState } from 'react';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Text } from '@mantine/core';
import type { Language } from '@shared/domain/records';
import {
  judgeConfirmationRows,
  type ConfirmationFollowUp,
  type ConfirmationVerdict,
  type ListedRow,
} from '@shared/followup/confirmation';
import { ConfirmationReport } from '@renderer/features/enterprises/confirmations/ConfirmationReport';
import { isAccepted } from '@renderer/features/enterprises/confirmations/use-confirmation-import';
import { render } from '@tests/renderer/render';
import { makeResidentId } from '@tests/fixtures/factories';

const ID_A = makeResidentId('451021', '1990-01-01', 'male');
const ID_B = makeResidentId('451021', '1992-05-05', 'female');
const ID_C = makeResidentId('451021', '1988-03-03', 'male');
const UNKNOWN = makeResidentId('451021', '1999-09-09', 'male');

function row(line: number, residentId: string, overrides: Partial<ListedRow> = {}): ListedRow {
  return { line, residentId, name: '', status: '在岗', startedOn: '', leftOn: '', leftReason: '', ...overrides };
}

function followUp(id: string, overrides: Partial<ConfirmationFollowUp> = {}): ConfirmationFollowUp {
  return { id, enterpriseId: 'ent', handedOverOn: '2026-04-01', contacts: [], ...overrides };
}

const verdicts: ConfirmationVerdict[] = judgeConfirmationRows(
  [
    row(2, ID_A, { startedOn: '2026-04-02' }),
    row(3, ID_B),
    row(4, ID_C, { status: '离职', leftOn: '2026-03-01' }),
    row(5, UNKNOWN, { name: '张三' }),
  ],
  {
    enterprise: { id: 'ent', name: '华强电子厂', city: '深圳' },
    listDate: '2026-06-10',
    today: '2026-06-15',
    operator: '韦小燕',
    hasStatusColumn: true,
    workerOf: (id) =>
      new Map([
        [ID_A, { id: 'a', name: '韦明', enterpriseId: 'ent' }],
        [ID_B, { id: 'b', name: '黄丽', enterpriseId: 'ent' }],
        [ID_C, { id: 'c', name: '陆强', enterpriseId: 'ent' }],
      ]).get(id),
    followUpsOf: (workerId) =>
      workerId === 'b'
        ? [
            followUp('fb', {
              contacts: [
                {
                  date: '2026-06-12',
                  method: 'phone',
                  outcome: 'returned-home',
                  enterpriseId: null,
                  startedOn: null,
                  leftOn: null,
                  leftReason: '',
                },
              ],
            }),
          ]
        : [followUp(`f${workerId}`)],
  },
);

function Report() {
  const [forced, setForced] = useState<ReadonlySet<number>>(new Set());
  return (
    <>
      <ConfirmationReport
        verdicts={verdicts}
        forced={forced}
        onForce={(line, on) =>
          setForced((current) => (on ? new Set([...current, line]) : new Set([...current].filter((l) => l !== line))))
        }
      />
      <Text data-testid="accepted">{verdicts.filter((verdict) => isAccepted(verdict, forced)).length}</Text>
    </>
  );
}

describe('the report of a confirmation list', () => {
  it.each<[Language, string, string, string]>([
    ['zh-CN', '匹配：1 行', '系统里没有登记这个身份证号', '第 3 行仍然写入'],
    ['en', 'Matched: 1 row', 'No worker is registered with this resident ID', 'Write line 3 anyway'],
  ])(
    'counts and explains each row in %s, and writes a contradicting row only once ticked',
    (language, matched, notFound, tick) => {
      render(<Report />, { language });
      expect(screen.getByTestId('count-matched').textContent).toBe(matched);
      expect(screen.getByTestId('count-contradicts').getAttribute('data-count')).toBe('2');
      expect(screen.getByTestId('rows-not-found').textContent).toContain(notFound);
      expect(screen.getByTestId('rows-not-found').textContent).toContain('张三');
      // The newer contact (returned home on 12 June) is named, with its outcome in words.
      expect(screen.getByTestId('rows-contradicts').textContent).toContain(
        language === 'en' ? 'Returned home' : '已返乡',
      );
      expect(screen.getByTestId('accepted').textContent).toBe('1');
      fireEvent.click(screen.getByRole('checkbox', { name: tick }));
      expect(screen.getByTestId('accepted').textContent).toBe('2');
      // Left before the handover: the contact rules refuse it, so it has no box to tick.
      expect(screen.getAllByRole('checkbox')).toHaveLength(1);
    },
  );
});

/**
 * A subsidy paper with full resident IDs is recorded before it is made (issue 18, item 5), as a
 * document printed with full numbers is: a print row on each scheme it lists people of, with who,
 * how many and why; refused, with nothing recorded, while no operator is named.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { saveScheme, updateSettings, type PlannerDatabase } from '@renderer/db';
import { recordPaperFullNumbers } from '@renderer/features/subsidies/papers/papers-audit';
import { demoSchemes } from '@shared/subsidy/demo-schemes';
import { freshDatabase, rejection } from '@tests/renderer/db/test-database';

let db: PlannerDatabase;
beforeEach(() => {
  db = freshDatabase();
});

async function twoSchemes() {
  await updateSettings({ operatorName: '黄丽华' });
  const [hiring, placement] = demoSchemes(2026);
  if (!hiring || !placement) throw new Error('no demo schemes');
  const { id: _hiring, ...hiringInput } = hiring;
  const { id: _placement, ...placementInput } = placement;
  return [await saveScheme(null, hiringInput), await saveScheme(null, placementInput)] as const;
}

const prints = async (schemeId: string) =>
  (await db.audit.where('[table+recordId]').equals(['subsidySchemes', schemeId]).toArray()).filter(
    (row) => row.action === 'print',
  );

describe('recording a subsidy paper made with full numbers', () => {
  it('writes a print row on each scheme of the paper, with who, how many people, the payee and why', async () => {
    const [hiring, placement] = await twoSchemes();
    await recordPaperFullNumbers('subsidy-roster', new Map([[hiring.id, 12]]), ' 银行代发核对 ', 'e-1');
    expect(await prints(hiring.id)).toMatchObject([
      {
        operator: '黄丽华',
        after: { document: 'subsidy-roster', fullNumbers: true, rows: 12, payeeId: 'e-1' },
        reason: '银行代发核对',
      },
    ]);
    expect(await prints(placement.id)).toEqual([]);

    await recordPaperFullNumbers(
      'subsidy-summary',
      new Map([
        [hiring.id, 3],
        [placement.id, 2],
      ]),
    );
    const [, summary] = await prints(hiring.id);
    expect(summary).toMatchObject({ after: { document: 'subsidy-summary', fullNumbers: true, rows: 3 } });
    expect(summary?.reason).toBeUndefined();
    expect(await prints(placement.id)).toMatchObject([{ after: { document: 'subsidy-summary', rows: 2 } }]);
  });

  it('refuses while no operator is named, and records nothing', async () => {
    const [hiring] = await twoSchemes();
    await updateSettings({ operatorName: '' });
    const error = await rejection(recordPaperFullNumbers('subsidy-roster', new Map([[hiring.id, 1]])));
    expect(error.problems).toEqual([{ field: 'operator', code: 'operator-missing' }]);
    expect(await prints(hiring.id)).toEqual([]);
  });
});

/**
 * Ticks of a batch's checklist items (issue 4, the five unifications): who ticked what, when, with
 * its note. Ticks are append-only records; withdrawing an item soft-deletes its ticks, audited.
 */
import type { ChecklistTick } from '@shared/domain/records';
import { CHECKLIST_ITEMS } from '@shared/gate';
import { auditedWrite } from '../audited-write';
import { newId, now } from '../clock';
import { RecordNotFoundError, RecordRejectedError } from '../problems';
import { isLive } from '../soft-delete';
import { getSettings } from './settings';
import { liveBatch, refuseIfLocked } from './batches';

/**
 * Ticks a checklist item in the operator's name, now. An item that asks for a note (a charter
 * sign number, an insurance policy number) is refused without one.
 */
export async function tickItem(batchId: string, itemKey: string, note: string): Promise<ChecklistTick> {
  const item = CHECKLIST_ITEMS.find((candidate) => candidate.key === itemKey);
  if (!item || item.kind !== 'ticked') throw new RecordNotFoundError('checklist items', itemKey);
  const text = note.trim();
  if (item.note?.required && text === '') {
    throw new RecordRejectedError([{ field: 'note', code: 'required' }]);
  }
  const { operatorName } = await getSettings();
  if (operatorName.trim() === '') throw new RecordRejectedError([{ field: 'operator', code: 'operator-missing' }]);
  return auditedWrite(['batches', 'checklistTicks'], async ({ db, create }) => {
    refuseIfLocked(await liveBatch(db, batchId));
    const at = now();
    const tick: ChecklistTick = {
      id: newId(),
      batchId,
      item: itemKey,
      tickedBy: operatorName.trim(),
      tickedAt: at,
      note: text,
      createdAt: at,
      updatedAt: at,
    };
    return create('checklistTicks', tick);
  });
}

/** Withdraws every live tick of an item on a batch (the item is open again); audited. */
export async function untickItem(batchId: string, itemKey: string): Promise<void> {
  await auditedWrite(['batches', 'checklistTicks'], async ({ db, update }) => {
    refuseIfLocked(await liveBatch(db, batchId));
    const at = now();
    const ticks = (await db.checklistTicks.where('[batchId+item]').equals([batchId, itemKey]).toArray()).filter(isLive);
    for (const before of ticks) {
      await update('checklistTicks', before, { ...before, deletedAt: at, updatedAt: at }, { action: 'delete' });
    }
  });
}

import type { Assignment, Timestamp } from '@shared/domain/records';
import { newId } from './clock';

/** A passenger as a batch takes them on, by hand or from a saved proposal: unseated, boarding pending. */
export function newAssignment(batchId: string, workerId: string, at: Timestamp): Assignment {
  return {
    id: newId(),
    batchId,
    workerId,
    seats: [],
    boarding: 'pending',
    createdAt: at,
    updatedAt: at,
    // A new record is at revision 1 (docs/architecture.md#data), however it is stored.
    revision: 1,
  };
}

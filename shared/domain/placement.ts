/**
 * Whether workers fit a job opening (issue 3, "Matching workers to jobs"): the opening's headcount,
 * age range and gender requirement. A misfit is refused unless the coordinator overrides it with a
 * written reason, which the audit trail keeps.
 */
import { ageOn } from '../dates';
import type { CalendarDate, Opening, Worker } from './records';

export type PlacementProblemCode = 'opening-full' | 'age-outside-opening' | 'gender-not-wanted';

export interface PlacementProblem {
  code: PlacementProblemCode;
  /** Values for the message: the age and range, the headcount. */
  params: Readonly<Record<string, string | number>>;
}

export interface PlacementCheck {
  workerId: string;
  problems: PlacementProblem[];
}

/**
 * Checks placing `workers`, in order, into `opening`, of which `placedIds` are placed already.
 * Workers already in the opening take no new place; each other one takes the next place, so the
 * ones past the headcount are told the opening is full.
 */
export function checkPlacements(
  workers: readonly Pick<Worker, 'id' | 'birthDate' | 'gender'>[],
  opening: Pick<Opening, 'headcount' | 'ageMin' | 'ageMax' | 'genderRequirement'>,
  placedIds: ReadonlySet<string>,
  today: CalendarDate,
): PlacementCheck[] {
  let taken = placedIds.size;
  return workers.map((worker) => {
    const problems: PlacementProblem[] = [];
    if (!placedIds.has(worker.id)) {
      taken += 1;
      if (taken > opening.headcount) problems.push({ code: 'opening-full', params: { headcount: opening.headcount } });
    }
    const age = ageOn(worker.birthDate, today);
    if (age < opening.ageMin || age > opening.ageMax) {
      problems.push({ code: 'age-outside-opening', params: { age, min: opening.ageMin, max: opening.ageMax } });
    }
    if (opening.genderRequirement !== 'any' && opening.genderRequirement !== worker.gender) {
      problems.push({ code: 'gender-not-wanted', params: { gender: opening.genderRequirement } });
    }
    return { workerId: worker.id, problems };
  });
}

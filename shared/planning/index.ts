export type {
  BatchPlanningInput,
  BatchProposal,
  GroupLegStats,
  GroupStats,
  LegVehicleType,
  PlannedBatch,
  PlannedLeg,
  PlannedVehicle,
  PlanningEnterprise,
  PlanningGroup,
  PlanningRoute,
  PlanningWorker,
  UnplacedReason,
  UnplacedWorker,
} from './plan-batches';
export {
  DEFAULT_MAX_VEHICLES_PER_LEG,
  UNPLACED_REASONS,
  expandDateRange,
  groupLowerBound,
  planBatches,
} from './plan-batches';
export type { ChosenVehicles, LegVehicleChoice, PlanningChoices } from './planning-options';
export { PLANNING_PROBLEM_CODES, checkPlanningOptions, choiceCapacity, chosenVehicles } from './planning-options';
export type { FilteredWorker, PlanningPoolFilter, PoolColumns, PoolWorker } from './pool';
export { filterPool, openBatchIds, poolWorkers, travellingWorkers } from './pool';
export type { BatchPlanningResult, PlanningPerson, ProposalInputs, ProposalRequest } from './propose';
export { proposeFromPool } from './propose';

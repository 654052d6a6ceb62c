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

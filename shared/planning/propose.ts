/**
 * A proposal from a pool already filtered (pool.ts) and the records beside it: what the "Plan
 * batches" screen shows. Pure, so that it runs where the pool is, in the workers directory's Web
 * Worker (renderer/db/directory): the pool's 100,000 rows then never cross to the screen's thread,
 * only the proposal does, and the screen stays responsive while it is made (issue 15, item 13).
 */
import type { Enterprise, Route } from '../domain/records';
import { expandDateRange, planBatches, type BatchProposal } from './plan-batches';
import { chosenVehicles, type PlanningChoices } from './planning-options';
import { poolWorkers, type PlanningPoolFilter, type PoolColumns } from './pool';

/** Who a worker is, for the lists of workers the proposal could not place. */
export interface PlanningPerson {
  name: string;
  county: string;
  township: string;
  village: string;
}

/** A proposal with what the screen shows beside it; nothing of it is stored until it is saved. */
export interface BatchPlanningResult {
  proposal: BatchProposal;
  /** The routes planned on, in the order of preference given. */
  routes: Route[];
  /** Workers in the filtered pool (placed and unplaced). */
  poolSize: number;
  /** Workers matching the filter but left out of the pool: on a batch already, or arrived. */
  onBatches: number;
  arrived: number;
  /** The unplaced workers, by id. */
  people: Record<string, PlanningPerson>;
  /** Route id → leg id → passengers one vehicle takes at the load factor. */
  capacities: Record<string, Record<string, number>>;
  loadFactor: number;
}

/** What a proposal is asked for: the coordinator's choices (already checked), the pool's filter, the load factor. */
export interface ProposalRequest extends PlanningChoices {
  filter?: PlanningPoolFilter;
  loadFactor: number;
}

/** What a proposal is made from besides the request. */
export interface ProposalInputs {
  /** The filtered pool, in primary-key order. */
  pool: PoolColumns;
  /** Live receiving enterprises. */
  enterprises: readonly Enterprise[];
  /** Live routes. */
  routes: readonly Route[];
}

/** Plans the pool on the chosen routes and days; the choices are checked before (`checkPlanningOptions`). */
export function proposeFromPool(request: ProposalRequest, inputs: ProposalInputs): BatchPlanningResult {
  const { pool } = inputs;
  const byId = new Map(inputs.routes.map((route) => [route.id, route]));
  const routes = [...new Set(request.routeIds)].flatMap((id) => byId.get(id) ?? []);
  const { capacities, vehicles } = chosenVehicles(routes, request.vehicles, request.loadFactor);
  const proposal = planBatches({
    workers: poolWorkers(pool),
    enterprises: inputs.enterprises,
    routes,
    dates: expandDateRange(request.firstDate, request.lastDate),
    vehicles,
    ...(request.batchesPerDay ? { batchesPerDay: request.batchesPerDay } : {}),
  });

  const unplaced = new Set(proposal.unplaced.map((worker) => worker.workerId));
  const people: Record<string, PlanningPerson> = {};
  pool.ids.forEach((id, row) => {
    if (!unplaced.has(id)) return;
    people[id] = {
      name: pool.names[row] ?? '',
      county: pool.counties[row] ?? '',
      township: pool.townships[row] ?? '',
      village: pool.villages[row] ?? '',
    };
  });
  return {
    proposal,
    routes,
    poolSize: pool.ids.length,
    onBatches: pool.onBatches,
    arrived: pool.arrived,
    people,
    capacities,
    loadFactor: request.loadFactor,
  };
}

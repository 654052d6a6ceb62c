import type { AuditEntry, Route } from '@shared/domain/records';
import { checkRoute, normalizeRouteInput, type RouteInput } from '@shared/domain/route-rules';
import { database } from '../database';
import { historyOf } from '../audit';
import { auditedWrite } from '../audited-write';
import { newId, now } from '../clock';
import { RecordNotFoundError, RecordRejectedError } from '../problems';
import { isLive, softDelete } from '../soft-delete';

export interface RouteRow extends Route {
  /** Live batches on this route. */
  batchCount: number;
}

/** Live routes by name, with how many batches use each. */
export async function listRoutes(): Promise<RouteRow[]> {
  const db = database();
  const [routes, batches] = await Promise.all([db.routes.toArray(), db.batches.toArray()]);
  const counts = new Map<string, number>();
  for (const batch of batches) if (isLive(batch)) counts.set(batch.routeId, (counts.get(batch.routeId) ?? 0) + 1);
  const collator = new Intl.Collator('zh-CN');
  return routes
    .filter(isLive)
    .map((route) => ({ ...route, batchCount: counts.get(route.id) ?? 0 }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

/** One route, deleted or not (a batch's page still shows the route it was planned on). */
export function getRoute(id: string): Promise<Route | undefined> {
  return database().routes.get(id);
}

/**
 * Creates (id null) or updates a route, refusing one with problems; audited in the same transaction.
 * An update names the route as the form loaded it (see updateWorker).
 */
export async function saveRoute(id: null, input: RouteInput): Promise<Route>;
export async function saveRoute(id: string, input: RouteInput, basedOn: Route): Promise<Route>;
export async function saveRoute(id: string | null, input: RouteInput, basedOn?: Route): Promise<Route> {
  return auditedWrite(['routes', 'batches'], async ({ db, create, update }) => {
    const others = (await db.routes.toArray()).filter((route) => isLive(route) && route.id !== id);
    const problems = checkRoute(input, others);
    if (problems.length > 0) throw new RecordRejectedError(problems);
    const cleaned = normalizeRouteInput(input);
    const at = now();
    if (id === null) {
      const route: Route = { ...cleaned, id: newId(), createdAt: at, updatedAt: at };
      return create('routes', route);
    }
    const before = await db.routes.get(id);
    if (!before || before.deletedAt) throw new RecordNotFoundError('routes', id);
    // A batch's vehicles and seats point at the route's legs: a leg that batches use stays.
    const kept = new Set(cleaned.legs.map((leg) => leg.id));
    const removed = before.legs.filter((leg) => !kept.has(leg.id)).map((leg) => leg.id);
    if (removed.length > 0) {
      const users = (await db.batches.where('routeId').equals(id).toArray()).filter(isLive);
      if (users.length > 0) {
        const index = before.legs.findIndex((leg) => removed.includes(leg.id));
        throw new RecordRejectedError([
          { field: 'legs', code: 'route-leg-in-use', params: { leg: index + 1, count: users.length } },
        ]);
      }
    }
    return update('routes', before, { ...before, ...cleaned, updatedAt: at }, basedOn ? { basedOn } : {});
  });
}

/**
 * Marks a route deleted. A route that live batches use stays: their legs, times and vehicles point
 * at its legs, so the batches would lose their timetable.
 */
export async function deleteRoute(id: string): Promise<void> {
  const db = database();
  const inUse = (await db.batches.where('routeId').equals(id).toArray()).filter(isLive);
  if (inUse.length > 0) {
    throw new RecordRejectedError([{ field: 'route', code: 'route-in-use', params: { count: inUse.length } }]);
  }
  await softDelete('routes', id);
}

/** Undoes a soft delete, unless another live route took the name meanwhile. */
export async function restoreRoute(id: string): Promise<Route> {
  return auditedWrite(['routes'], async ({ db, update }) => {
    const before = await db.routes.get(id);
    if (!before) throw new RecordNotFoundError('routes', id);
    if (!before.deletedAt) return before;
    const taken = (await db.routes.toArray()).some(
      (route) => isLive(route) && route.id !== id && route.name.trim() === before.name.trim(),
    );
    if (taken) throw new RecordRejectedError([{ field: 'name', code: 'route-name-duplicate' }]);
    return update('routes', before, { ...before, deletedAt: null, updatedAt: now() }, { action: 'restore' });
  });
}

/** Every change to a route, oldest first. */
export function routeHistory(id: string): Promise<AuditEntry[]> {
  return historyOf(database(), 'routes', id);
}

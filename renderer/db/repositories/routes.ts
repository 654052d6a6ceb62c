import type { AuditEntry, Route } from '../../../shared/domain/records';
import { checkRoute, normalizeRouteInput, type RouteInput } from '../../../shared/domain/route-rules';
import { database } from '../database';
import { historyOf, recordChange } from '../audit';
import { newId, now } from '../clock';
import { RecordNotFoundError, RecordRejectedError } from '../problems';
import { softDelete } from '../soft-delete';

const isLive = (record: { deletedAt?: string | null }): boolean => !record.deletedAt;

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

/** Creates (id null) or updates a route, refusing one with problems; audited in the same transaction. */
export async function saveRoute(id: string | null, input: RouteInput): Promise<Route> {
  const db = database();
  return db.transaction('rw', [db.routes, db.batches, db.audit, db.settings], async () => {
    const others = (await db.routes.toArray()).filter((route) => isLive(route) && route.id !== id);
    const problems = checkRoute(input, others);
    if (problems.length > 0) throw new RecordRejectedError(problems);
    const cleaned = normalizeRouteInput(input);
    const at = now();
    if (id === null) {
      const route: Route = { ...cleaned, id: newId(), createdAt: at, updatedAt: at };
      await db.routes.add(route);
      await recordChange(db, { table: 'routes', recordId: route.id, action: 'create', before: null, after: route });
      return route;
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
    const after: Route = { ...before, ...cleaned, updatedAt: at };
    await db.routes.put(after);
    await recordChange(db, { table: 'routes', recordId: id, action: 'update', before, after });
    return after;
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
  const db = database();
  return db.transaction('rw', [db.routes, db.audit, db.settings], async () => {
    const before = await db.routes.get(id);
    if (!before) throw new RecordNotFoundError('routes', id);
    if (!before.deletedAt) return before;
    const taken = (await db.routes.toArray()).some(
      (route) => isLive(route) && route.id !== id && route.name.trim() === before.name.trim(),
    );
    if (taken) throw new RecordRejectedError([{ field: 'name', code: 'route-name-duplicate' }]);
    const after: Route = { ...before, deletedAt: null, updatedAt: now() };
    await db.routes.put(after);
    await recordChange(db, { table: 'routes', recordId: id, action: 'restore', before, after });
    return after;
  });
}

/** Every change to a route, oldest first. */
export function routeHistory(id: string): Promise<AuditEntry[]> {
  return historyOf(database(), 'routes', id);
}

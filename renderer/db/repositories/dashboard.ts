/**
 * What the dashboard (issue 19) computes from, read from the database: the fields of each table
 * `DashboardSource` names (shared/dashboard/source.ts), soft-deleted rows included (the figures skip
 * them). Every table is asked for at once, so that IndexedDB reads one while this thread copies
 * another. Runs in the dashboard's Web Worker (renderer/features/home/dashboard.worker.ts), so it
 * takes the database rather than reaching for the screen's. docs/domain.md#dashboard-figures.
 */
import { liveQuery } from 'dexie';
import { DEFAULT_SETTINGS } from '@shared/domain/records';
import type { DashboardSource } from '@shared/dashboard';
import { database, type PlannerDatabase } from '../database';

export async function dashboardSource(db: PlannerDatabase): Promise<DashboardSource> {
  const [
    workers,
    enterprises,
    routes,
    batches,
    assignments,
    healthChecks,
    followUps,
    contacts,
    employmentPeriods,
    schemes,
    claims,
    settings,
  ] = await Promise.all([
    db.workers.toArray(),
    db.enterprises.toArray(),
    db.routes.toArray(),
    db.batches.toArray(),
    db.assignments.toArray(),
    db.healthChecks.toArray(),
    db.followUps.toArray(),
    db.contacts.toArray(),
    db.employmentPeriods.toArray(),
    db.subsidySchemes.toArray(),
    db.subsidyClaims.toArray(),
    db.settings.get(DEFAULT_SETTINGS.id),
  ]);
  return {
    workers: workers.map(({ id, county, countyCode, township, povertyStatus, enterpriseId, deletedAt }) => ({
      id,
      county,
      countyCode,
      township,
      povertyStatus,
      enterpriseId,
      deletedAt,
    })),
    enterprises: enterprises.map(({ id, name, city, district, deletedAt }) => ({
      id,
      name,
      city,
      district,
      deletedAt,
    })),
    routes: routes.map(({ id, legs, deletedAt }) => ({
      id,
      legs: legs.map(({ departureMinutes }) => ({ departureMinutes })),
      deletedAt,
    })),
    batches: batches.map(({ id, name, routeId, date, status, legs, loadFactor, deletedAt }) => ({
      id,
      name,
      routeId,
      date,
      status,
      legs,
      loadFactor,
      deletedAt,
    })),
    assignments: assignments.map(({ batchId, workerId, seats, boarding, deletedAt }) => ({
      batchId,
      workerId,
      seats,
      boarding,
      deletedAt,
    })),
    healthChecks: healthChecks.map(({ id, batchId, workerId, result, checkedAt, createdAt, deletedAt }) => ({
      id,
      batchId,
      workerId,
      result,
      checkedAt,
      createdAt,
      deletedAt,
    })),
    followUps: followUps.map(({ id, workerId, batchId, enterpriseId, handedOverOn, nextDue, deletedAt }) => ({
      id,
      workerId,
      batchId,
      enterpriseId,
      handedOverOn,
      nextDue,
      deletedAt,
    })),
    contacts: contacts.map(({ followUpId, date, outcome, deletedAt }) => ({ followUpId, date, outcome, deletedAt })),
    employmentPeriods: employmentPeriods.map(({ id, followUpId, enterpriseId, start, end, endReason, deletedAt }) => ({
      id,
      followUpId,
      enterpriseId,
      start,
      end,
      endReason,
      deletedAt,
    })),
    schemes: schemes.map(({ id, name, deletedAt }) => ({ id, name, deletedAt })),
    claims: claims.map((claim) => ({
      id: claim.id,
      schemeId: claim.schemeId,
      workerId: claim.workerId,
      year: claim.year,
      payee: claim.payee,
      payeeId: claim.payeeId,
      status: claim.status,
      amountFen: claim.amountFen,
      paidAmountFen: claim.paidAmountFen,
      dueOn: claim.dueOn,
      noticeFrom: claim.noticeFrom,
      paidOn: claim.paidOn,
      rejectedOn: claim.rejectedOn,
      deletedAt: claim.deletedAt,
    })),
    settings: {
      loadFactor: settings?.loadFactor ?? DEFAULT_SETTINGS.loadFactor,
      checkValidityHours: settings?.checkValidityHours ?? DEFAULT_SETTINGS.checkValidityHours,
    },
  };
}

/**
 * A value that changes whenever a record or the Settings change, read from two indexes: every write
 * of a record goes through auditedWrite with its audit row, and a backup's restore replaces the
 * trail. The dashboard reads its source again when it changes.
 */
export async function dashboardChangeSignal(): Promise<string> {
  const db = database();
  const [newest, settings] = await Promise.all([db.audit.orderBy('seq').last(), db.settings.get(DEFAULT_SETTINGS.id)]);
  return `${newest?.seq ?? 0}/${newest?.id ?? ''}/${newest?.at ?? ''}/${settings?.updatedAt ?? ''}`;
}

/**
 * Calls `onChange` with the change signal now and whenever it changes, in this window or another;
 * answers the function that stops watching.
 */
export function watchDashboardChanges(
  onChange: (signal: string) => void,
  onError: (error: unknown) => void,
): () => void {
  const subscription = liveQuery(dashboardChangeSignal).subscribe({ next: onChange, error: onError });
  return () => subscription.unsubscribe();
}

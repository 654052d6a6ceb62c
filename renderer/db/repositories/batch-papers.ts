/**
 * Gathers what the printed documents of a batch say (issue 6): the batch, its route and legs, the
 * vehicles with their seated passengers in seat order, every passenger with their latest counting
 * health check and pickup point, the receiving enterprises and the gate as it judges the batch
 * now, all read in one transaction so that the documents agree with each other. The gate comes
 * as the report; the feature puts its words into the print language.
 */
import { ageOn } from '@shared/dates';
import { assemblyAt, legDepartureAt } from '@shared/domain/departure';
import type { Assignment, Batch, HealthCheck, Route, Worker } from '@shared/domain/records';
import type { GateReport } from '@shared/gate';
import { latestCheck } from '@shared/health';
import type { BatchPapers, PaperEnterprise, PaperLeg, PaperPassenger, PaperVehicle } from '@shared/documents/model';
import { seatLayout } from '@shared/seating';
import { database, type PlannerDatabase } from '../database';
import { RecordNotFoundError } from '../problems';
import { isLive } from '../soft-delete';
import { batchGate } from './batch-gate';
import { liveBatch } from './batches';
import { shownResidentId } from '@shared/privacy/anonymise';

/** A batch's papers without the gate's words, and the gate report to word them from. */
export interface BatchPapersSource {
  papers: Omit<BatchPapers, 'gate'>;
  gate: GateReport;
}

function seatOrder(vehicle: PaperVehicle): (seat: string) => number {
  const layout = seatLayout(vehicle.kind, vehicle.seatCount);
  return (seat) => {
    const placed = layout.seatByCode.get(seat);
    return placed ? layout.seats.indexOf(placed) : Number.MAX_SAFE_INTEGER;
  };
}

function paperPassenger(worker: Worker, batch: Batch, route: Route, checks: readonly HealthCheck[]): PaperPassenger {
  const latest = latestCheck(checks);
  const firstLeg = route.legs.at(0);
  const pickup = route.pickupPoints.find((point) => point.county === worker.county);
  return {
    workerId: worker.id,
    name: worker.name,
    gender: worker.gender,
    age: ageOn(worker.birthDate, batch.date),
    residentId: shownResidentId(worker.residentId),
    phone: worker.phone,
    county: worker.county,
    township: worker.township,
    village: worker.village,
    household: worker.household,
    povertyStatus: worker.povertyStatus,
    enterpriseId: worker.enterpriseId,
    health: latest
      ? {
          result: latest.result,
          checkedAt: latest.checkedAt,
          temperatureC: latest.temperatureC,
          examiner: latest.examiner,
          symptoms: latest.symptoms,
          healthCode: latest.healthCode,
          contactWithConfirmedCase: latest.contactWithConfirmedCase,
        }
      : null,
    assembly: pickup && firstLeg ? { place: pickup.place, at: assemblyAt(batch, firstLeg, pickup) } : null,
  };
}

function paperLegs(batch: Batch, route: Route, assignments: readonly Assignment[]): PaperLeg[] {
  const escorts = new Map(batch.escorts.map((escort) => [escort.id, escort]));
  return batch.legs.flatMap((batchLeg): PaperLeg[] => {
    const leg = route.legs.find((candidate) => candidate.id === batchLeg.legId);
    if (!leg) return [];
    const seated = new Set<string>();
    const vehicles = batchLeg.vehicles.map((vehicle): PaperVehicle => {
      const paper: PaperVehicle = {
        id: vehicle.id,
        kind: vehicle.kind,
        label: vehicle.label,
        seatCount: vehicle.seatCount,
        escort: vehicle.escortId ? (escorts.get(vehicle.escortId) ?? null) : null,
        seats: [],
      };
      for (const assignment of assignments) {
        for (const place of assignment.seats) {
          if (place.legId === leg.id && place.vehicleId === vehicle.id) {
            paper.seats.push({ workerId: assignment.workerId, seat: place.seat });
            seated.add(assignment.workerId);
          }
        }
      }
      const order = seatOrder(paper);
      paper.seats.sort((a, b) => order(a.seat) - order(b.seat));
      return paper;
    });
    return [
      {
        id: leg.id,
        mode: leg.mode,
        from: leg.from,
        to: leg.to,
        departureAt: legDepartureAt(batch, leg),
        vehicles,
        unseated: assignments.map((assignment) => assignment.workerId).filter((id) => !seated.has(id)),
      },
    ];
  });
}

async function readPapers(db: PlannerDatabase, batchId: string): Promise<Omit<BatchPapers, 'gate'>> {
  const batch = await liveBatch(db, batchId);
  const route = await db.routes.get(batch.routeId);
  if (!route) throw new RecordNotFoundError('routes', batch.routeId);
  const assignments = (await db.assignments.where('batchId').equals(batchId).toArray()).filter(isLive);
  const workers = (await db.workers.bulkGet(assignments.map((assignment) => assignment.workerId))).flatMap((worker) =>
    worker ? [worker] : [],
  );
  const known = new Set(workers.map((worker) => worker.id));
  const onBoard = assignments
    .filter((assignment) => known.has(assignment.workerId))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const workerById = new Map(workers.map((worker) => [worker.id, worker]));
  const checks = (await db.healthChecks.where('batchId').equals(batchId).toArray()).filter(isLive);
  const checksOf = new Map<string, HealthCheck[]>();
  for (const check of checks) checksOf.set(check.workerId, [...(checksOf.get(check.workerId) ?? []), check]);
  const enterpriseIds = [...new Set(workers.flatMap((worker) => (worker.enterpriseId ? [worker.enterpriseId] : [])))];
  const enterprises = (await db.enterprises.bulkGet(enterpriseIds)).flatMap((enterprise): PaperEnterprise[] =>
    enterprise && isLive(enterprise)
      ? [
          {
            id: enterprise.id,
            name: enterprise.name,
            contactName: enterprise.contactName,
            contactPhone: enterprise.contactPhone,
            handoverPoint: enterprise.handoverPoint,
            address: enterprise.address,
          },
        ]
      : [],
  );
  return {
    batch: {
      id: batch.id,
      name: batch.name,
      date: batch.date,
      status: batch.status,
      organizer: batch.organizer,
      escorts: batch.escorts,
      medics: batch.medics,
      overrides: batch.overrides,
    },
    route: { name: route.name },
    legs: paperLegs(batch, route, onBoard),
    passengers: onBoard.flatMap((assignment) => {
      const worker = workerById.get(assignment.workerId);
      return worker ? [paperPassenger(worker, batch, route, checksOf.get(worker.id) ?? [])] : [];
    }),
    enterprises,
  };
}

/** Everything the documents of `batchId` print, as it stands now. */
export async function loadBatchPapers(batchId: string): Promise<BatchPapersSource> {
  const db = database();
  return db.transaction(
    'r',
    [
      db.batches,
      db.routes,
      db.assignments,
      db.workers,
      db.enterprises,
      db.healthChecks,
      db.checklistTicks,
      // The gate's follow-up items read the arrivals and handovers (issue 17).
      db.arrivals,
      db.handovers,
      db.settings,
    ],
    async () => ({ papers: await readPapers(db, batchId), gate: await batchGate(batchId) }),
  );
}

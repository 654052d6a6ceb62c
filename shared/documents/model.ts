/**
 * What the printed documents of a batch are made from: plain data, already gathered and resolved
 * by the renderer (names, not ids), so that every builder is a pure function of it. Resident IDs
 * and phones come in full; the builders mask them unless the person printing chose full numbers.
 */
import type { ItemState, Light, TickRecord, Unification } from '../gate';
import type { AuditChainHead } from '../audit/anchor';
import type {
  BatchStatus,
  CalendarDate,
  Gender,
  HealthCodeColour,
  HealthVerdict,
  Language,
  LegMode,
  ManifestColumn,
  PovertyStatus,
  StaffMember,
  StatusOverride,
  Symptom,
  Timestamp,
  VehicleKind,
} from '../domain/records';

export interface PaperHealth {
  result: HealthVerdict;
  checkedAt: Timestamp;
  temperatureC: number;
  examiner: string;
  /** What else the deciding reading found; absent where the caller did not gather it (the health sheet leaves the cell blank). */
  symptoms?: Symptom[];
  healthCode?: HealthCodeColour;
  contactWithConfirmedCase?: boolean;
}

/** Where and when a passenger gets on the first vehicle (the route's pickup point for their county). */
export interface PaperAssembly {
  place: string;
  at: Timestamp;
}

export interface PaperPassenger {
  workerId: string;
  name: string;
  gender: Gender;
  /** Age on the batch's date. */
  age: number;
  residentId: string;
  phone: string;
  county: string;
  township: string;
  village: string;
  household: string;
  povertyStatus: PovertyStatus;
  enterpriseId: string | null;
  /** The latest health check that counts (a correction replaces what it corrects), or none yet. */
  health: PaperHealth | null;
  assembly: PaperAssembly | null;
}

export interface PaperSeat {
  workerId: string;
  /** The seat as stored on the assignment (`05-12F`, `12`). */
  seat: string;
}

export interface PaperVehicle {
  id: string;
  kind: VehicleKind;
  label: string;
  seatCount: number;
  escort: StaffMember | null;
  /** The passengers seated in this vehicle, in seat order. */
  seats: PaperSeat[];
}

export interface PaperLeg {
  id: string;
  mode: LegMode;
  from: string;
  to: string;
  departureAt: Timestamp;
  vehicles: PaperVehicle[];
  /** Passengers of the batch with no seat on this leg yet. */
  unseated: string[];
}

export interface PaperEnterprise {
  id: string;
  name: string;
  contactName: string;
  contactPhone: string;
  handoverPoint: string;
  address: string;
}

export interface BatchPapers {
  batch: {
    id: string;
    name: string;
    date: CalendarDate;
    status: BatchStatus;
    organizer: string;
    escorts: StaffMember[];
    medics: StaffMember[];
    overrides: StatusOverride[];
  };
  route: { name: string };
  legs: PaperLeg[];
  /** Every passenger on the batch now, in the order the batch lists them. */
  passengers: PaperPassenger[];
  enterprises: PaperEnterprise[];
  /** The five unifications as the gate judges them now, with the words already in the print language. */
  gate: PaperUnification[];
}

export interface PaperGateItem {
  key: string;
  label: string;
  state: ItemState;
  /** Why the item is not met, one sentence each. */
  reasons: string[];
  tick: TickRecord | null;
}

export interface PaperUnification {
  unification: Unification;
  label: string;
  light: Light;
  items: PaperGateItem[];
}

/** Who prints, when, and how: printed in every page's footer. */
export interface PrintContext {
  language: Language;
  operator: string;
  organization: string;
  printedAt: Timestamp;
  /** Unmasked resident IDs and phones: only when the person printing chose it; recorded in the audit log. */
  fullNumbers: boolean;
  /**
   * The audit chain's anchor when printing (shared/audit/anchor.ts, issue 16, item 1): the cover
   * sheet prints it, so that a paper copy can later show the trail was not cut short or rewritten.
   * Null: this installation has none; absent: not asked for.
   */
  auditAnchor?: AuditChainHead | null | undefined;
}

export { MANIFEST_COLUMNS } from '../domain/records';
export type { ManifestColumn } from '../domain/records';

export const DOCUMENT_KINDS = ['cover', 'manifest', 'health-sheet', 'handover', 'boarding-cards'] as const;

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * Whether a document of a batch with `passengers` passengers would have nothing to show: every
 * document lists passengers but the cover sheet, which states the batch and its gate whoever is on
 * it. "Print all" of an empty batch would be a cover and four pages saying there is nobody, so it
 * is refused too; the cover alone is still printed. (The builders, asked anyway, print one page
 * that says there is nothing to print, never blank pages.)
 */
export function nothingToPrint(kind: DocumentKind | 'all', passengers: number): boolean {
  return passengers === 0 && kind !== 'cover';
}

/** Reports how far a long document has come; `done` of `total` steps. */
export type DocumentProgress = (done: number, total: number) => void;

export interface DocumentOptions {
  /** The manifest's columns, in order (from settings). */
  manifestColumns?: readonly ManifestColumn[];
  /** The health-check sheet with results filled in, or blank rows for the medical team to write on. */
  healthSheetFilled?: boolean;
  onProgress?: DocumentProgress;
  /** Checked between sections; an aborted build throws an AbortError and returns nothing. */
  signal?: AbortSignal;
}

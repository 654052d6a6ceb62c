export type {
  ChecklistItem,
  ChecklistItemKind,
  DerivedChecklistItem,
  DerivedItemKey,
  LocalizedText,
  TickBreak,
  TickNote,
  TickedChecklistItem,
  Unification,
} from './checklist';
export { CHECKLIST_ITEMS, DERIVED_ITEM_KEYS, UNIFICATIONS, UNIFICATION_LABELS } from './checklist';

export type {
  GateHealthCheck,
  GateInput,
  GateItemReport,
  GateLegCapacity,
  GatePassenger,
  GateReason,
  GateReasonCode,
  GateReasonParams,
  GateReport,
  GateTick,
  ItemState,
  Light,
  TickRecord,
  UnificationReport,
} from './evaluate';
export { GATE_REASON_CODES, NAMES_PER_REASON, allGreen, evaluateGate, hasHandoverContact } from './evaluate';

export type { StatusOverrideRequest, StatusStepCode, StatusStepResult } from './status-step';
export {
  FACT_STATUSES,
  GATED_STATUSES,
  OVERRIDE_REASON_MIN_LENGTH,
  STATUS_STEP_CODES,
  checkStatusStep,
} from './status-step';

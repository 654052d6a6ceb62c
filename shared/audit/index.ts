/** The audit trail's hash chain: canonical form, hashing and verification (issue 7). */
export { canonicalJson } from './canonical';
export {
  AUDIT_CHAIN_FORMAT,
  AuditChainVerifier,
  REDACTION_TABLE,
  auditRowHash,
  contentDigest,
  currentDigests,
  redactAuditEntry,
  sealAuditEntry,
  sealedDigests,
  sha256Hex,
  verifyAuditEntries,
} from './chain';
export type {
  ChainFailure,
  ChainOutcome,
  ChainProblem,
  ContentDigests,
  RedactedRow,
  RedactionRecord,
  SealedFields,
} from './chain';
export {
  EMPTY_AUDIT_ANCHOR,
  advanceAnchor,
  anchorOfTrail,
  anchorFindingIsBroken,
  auditAnchorSchema,
  shortAuditHash,
} from './anchor';
export type { AnchorFinding, AuditAnchor, AuditChainHead, AuditChainStart } from './anchor';

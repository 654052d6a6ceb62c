/**
 * Run-time validation of every bridge request, against the schemas of shared/bridge.ts. A renderer
 * is untrusted input: TypeScript types on the preload side prove nothing about what arrives here.
 */
import type { z } from 'zod';
import { bridgeContract, type BridgeMethod, type BridgeRequest } from '@shared/bridge';
import { clip } from './logger';

export type ValidationResult<M extends BridgeMethod> =
  { ok: true; value: BridgeRequest<M> } | { ok: false; error: string };

/** Every method's request schema, typed per method so a generic caller gets the parsed type back. */
const requestSchemas: { [M in BridgeMethod]: z.ZodType<BridgeRequest<M>> } = {
  saveFile: bridgeContract.saveFile.request,
  openFile: bridgeContract.openFile.request,
  appInfo: bridgeContract.appInfo.request,
  storeSyncPassword: bridgeContract.storeSyncPassword.request,
  readSyncPassword: bridgeContract.readSyncPassword.request,
  forgetSyncPassword: bridgeContract.forgetSyncPassword.request,
  openSavedFile: bridgeContract.openSavedFile.request,
  writeBackup: bridgeContract.writeBackup.request,
  listBackups: bridgeContract.listBackups.request,
  readBackup: bridgeContract.readBackup.request,
  deleteBackup: bridgeContract.deleteBackup.request,
  installationInfo: bridgeContract.installationInfo.request,
  signBackupDigest: bridgeContract.signBackupDigest.request,
  wrapBackupKey: bridgeContract.wrapBackupKey.request,
  unwrapBackupKey: bridgeContract.unwrapBackupKey.request,
  setShellLanguage: bridgeContract.setShellLanguage.request,
  reportBusy: bridgeContract.reportBusy.request,
  readOfferedBackup: bridgeContract.readOfferedBackup.request,
};

const MAX_ISSUES = 3;
const MAX_PATH_PART = 40;
const MAX_ERROR_LENGTH = 400;

/**
 * One issue in words that never contain the rejected value: only the field path, what was expected
 * and the schema's own messages. A 256 MB payload or a hostile string must not come back in the
 * error, in the log, or in the renderer's error message.
 */
function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map((part) => clip(String(part), MAX_PATH_PART)).join('.') || 'request';
  switch (issue.code) {
    case 'invalid_type':
      return `${path}: expected ${issue.expected}`;
    case 'unrecognized_keys':
      return `${path}: ${issue.keys.length} unexpected key(s)`;
    case 'custom':
      // Messages of .refine() calls are fixed strings written in shared/bridge.ts.
      return `${path}: ${clip(issue.message, 120)}`;
    default:
      return `${path}: ${issue.code}`;
  }
}

/** Checks a request for `method`; the error names the channel and the fields, never the values. */
export function validateRequest<M extends BridgeMethod>(method: M, payload: unknown): ValidationResult<M> {
  const schema: z.ZodType<BridgeRequest<M>> = requestSchemas[method];
  const result = schema.safeParse(payload);
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues;
  const described = issues.slice(0, MAX_ISSUES).map(describeIssue);
  if (issues.length > MAX_ISSUES) described.push(`${issues.length - MAX_ISSUES} more`);
  const error = `${bridgeContract[method].channel}: invalid request (${described.join('; ')})`;
  return { ok: false, error: clip(error, MAX_ERROR_LENGTH) };
}

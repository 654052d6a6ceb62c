import { useState } from 'react';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '@shared/domain/problems';
import type { HealthCheck } from '@shared/domain/records';
import {
  HealthCheckConflictError,
  RecordNotFoundError,
  RecordRejectedError,
  correctHealthCheck,
  saveHealthCheck,
  type SavedHealthCheck,
} from '../../db';
import { writeFailureMessage } from '../../components/write-failure';
import { logger } from '../../logger';
import { checkTimeOf, findingsOf, placeProblems, type CheckMode, type CheckValues } from './check-values';

/** A save that another station's check got ahead of: what that station saved (null when the check is gone). */
export interface CheckConflict {
  latest: HealthCheck | null;
}

interface CheckSaveOptions {
  /** The check form. */
  form: UseFormReturnType<CheckValues>;
  /** A new check or a correction. */
  mode: CheckMode;
  /** The batch and the passenger a new check is for. */
  batchId: string;
  workerId: string;
  /** How the station words a problem of a refused save. */
  describe: (problem: FieldProblem) => string;
  /** Called with what was stored. */
  onSaved: (saved: SavedHealthCheck) => void;
  /** Puts the cursor back where a refused check is corrected. */
  focusTemperature: () => void;
}

/**
 * Saves the check form: a new check, or the correction. A refusal is shown beside the fields (the
 * rest in `general`), a check another station saved meanwhile becomes `conflict`, and anything
 * else is said in `general` in the words every screen uses for a failed write.
 */
export function useCheckSave({ form, mode, batchId, workerId, describe, onSaved, focusTemperature }: CheckSaveOptions) {
  const { t } = useTranslation();
  const [conflict, setConflict] = useState<CheckConflict | null>(null);
  const [general, setGeneral] = useState<string | null>(null);

  /** Saves what is typed, as following `seenId` (the latest check this station saw; null for none). */
  const save = async (seenId: string | null) => {
    if (form.validate().hasErrors) {
      focusTemperature();
      return;
    }
    // The form's own values, not this render's: Enter may come before the last keystroke re-rendered.
    const values = form.getValues();
    const found = findingsOf(values);
    if (!found) return;
    const findings = { ...found, examiner: values.examiner, note: values.note };
    setGeneral(null);
    try {
      const saved =
        mode.kind === 'correct'
          ? await correctHealthCheck(mode.check.id, { ...findings, reason: values.reason })
          : await saveHealthCheck({
              ...findings,
              batchId,
              workerId,
              seenLatestId: seenId,
              ...(values.time.trim() === ''
                ? {}
                : { checkedAt: checkTimeOf(values.time, new Date().toISOString()) ?? '' }),
            });
      onSaved(saved);
    } catch (error) {
      if (error instanceof HealthCheckConflictError) {
        setConflict({ latest: error.latest });
      } else if (error instanceof RecordRejectedError) {
        const placed = placeProblems(error.problems, mode, describe);
        form.setErrors(placed.fields);
        if (placed.others.length > 0) setGeneral(placed.others.join(' '));
        focusTemperature();
      } else {
        if (!(error instanceof RecordNotFoundError)) logger.error('saving a health check failed', error);
        setGeneral(writeFailureMessage(error, t, describe));
      }
    }
  };

  return { save, conflict, setConflict, general, setGeneral };
}

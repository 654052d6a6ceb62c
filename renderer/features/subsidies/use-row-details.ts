import { useEffect, useState } from 'react';
import { followUpsOfWorker, getWorker, listEnterprises } from '../../db';
import { logger } from '../../logger';

/** What a row shows of a person beyond their eligibility: township and employer. */
export interface RowDetails {
  township: string;
  /** The employer of the latest employment period (or of the latest handover); '' when none is known. */
  employer: string;
}

/**
 * The township and employer of the people whose rows are drawn, read for those rows only (a large
 * county's list runs to thousands, and the rows beyond the first hundred are drawn on request).
 * Kept once read; an id not read yet is absent.
 */
export function useRowDetails(workerIds: readonly string[]): {
  details: ReadonlyMap<string, RowDetails>;
  enterpriseNames: ReadonlyMap<string, string>;
} {
  const [details, setDetails] = useState<ReadonlyMap<string, RowDetails>>(new Map());
  const [enterpriseNames, setEnterpriseNames] = useState<ReadonlyMap<string, string> | null>(null);
  useEffect(() => {
    let current = true;
    void listEnterprises()
      .then((rows) => {
        if (current) setEnterpriseNames(new Map(rows.map((row) => [row.id, row.name])));
      })
      .catch((error: unknown) => logger.error('reading the enterprises failed', error));
    return () => {
      current = false;
    };
  }, []);
  const key = workerIds.join(',');
  useEffect(() => {
    if (enterpriseNames === null) return;
    const missing = key === '' ? [] : key.split(',').filter((id) => !details.has(id));
    if (missing.length === 0) return;
    let current = true;
    void Promise.all(
      missing.map(async (id): Promise<[string, RowDetails]> => {
        const [worker, followUps] = await Promise.all([getWorker(id), followUpsOfWorker(id)]);
        const latest = followUps[0];
        const period = latest?.periods.at(-1);
        const enterpriseId = period ? period.enterpriseId : (latest?.followUp.enterpriseId ?? null);
        const employer =
          (enterpriseId !== null ? enterpriseNames.get(enterpriseId) : undefined) ?? period?.employerName ?? '';
        return [id, { township: worker?.township ?? '', employer }];
      }),
    )
      .then((read) => {
        if (current) setDetails((shown) => new Map([...shown, ...read]));
      })
      .catch((error: unknown) => logger.error('reading the subsidy rows failed', error));
    return () => {
      current = false;
    };
    // `details` is left out on purpose: reading is asked for by the ids drawn, not by what was read.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, enterpriseNames]);
  return { details, enterpriseNames: enterpriseNames ?? new Map() };
}

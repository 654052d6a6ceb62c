/**
 * The subsidies' records (issue 18; docs/domain.md#subsidies): schemes, the enterprise's key flag
 * and bank account, eligibility computed from the stored records, and claims with their steps.
 *
 * - Eligibility is never typed in: each handed-over worker's household type, employment periods
 *   (with their enterprise's key flag, the destination tier from the worker's home county, and
 *   whether the period began with one of the office's batches) go through
 *   shared/subsidy/eligibility.ts.
 * - A claim is made only for someone eligible, and never twice for the same person, scheme and
 *   year (and instalment), whoever the payee: the refusal names the earlier claim, its payee and
 *   its status. A rejected claim does not count: the office may claim again after fixing it.
 * - A claim moves through the steps of shared/subsidy/claim-steps.ts, several claims at once, all
 *   or none.
 * Every write goes through auditedWrite, in one transaction; amounts are whole fen (money.ts).
 */
import type {
  BankAccount,
  CalendarDate,
  EmploymentPeriod,
  Enterprise,
  FollowUp,
  SubsidyClaim,
  SubsidySchemeRecord,
  Worker,
} from '@shared/domain/records';
import type { FieldProblem } from '@shared/domain/problems';
import { checkBankAccount, isPayableAccount, normalizeBankAccount } from '@shared/subsidy/agency-rules';
import { checkClaimStep, noticeEnds, type ClaimStep } from '@shared/subsidy/claim-steps';
import { destinationTier } from '@shared/subsidy/destination';
import {
  eligibilitiesOf,
  type Eligibility,
  type EligibilityPeriod,
  type EligibilityPerson,
} from '@shared/subsidy/eligibility';
import { formatYuan, sumFen, type Fen } from '@shared/subsidy/money';
import type { ReportClaim } from '@shared/subsidy/report';
import type { PaperPayee, PaperScheme, SummaryClaim } from '@shared/subsidy/papers';
import { checkScheme, type Payee, type SubsidyScheme } from '@shared/subsidy/scheme';
import { auditedWrite } from '../audited-write';
import { newId, now } from '../clock';
import { database, type PlannerDatabase } from '../database';
import { RecordNotFoundError, RecordRejectedError } from '../problems';
import { isLive } from '../soft-delete';
import { getSettings } from './settings';

/** What a scheme form gives: the scheme without its id. */
export type SchemeInput = Omit<SubsidyScheme, 'id'>;

/** The tables a claim write reads and writes. */
const CLAIM_TABLES = [
  'subsidySchemes',
  'subsidyClaims',
  'workers',
  'followUps',
  'employmentPeriods',
  'enterprises',
  'agencies',
  'introductions',
] as const;

function refuse(problems: FieldProblem[]): never {
  throw new RecordRejectedError(problems);
}

/** Claims are public money: each step names who took it, so an operator must be named first. */
async function requireOperator(): Promise<void> {
  const settings = await getSettings();
  if (settings.operatorName.trim() === '') refuse([{ field: 'operator', code: 'operator-missing' }]);
}

/** A claim that counts for the duplicate rule: live and not rejected. */
function standing(claim: SubsidyClaim): boolean {
  return isLive(claim) && claim.status !== 'rejected';
}

// ---------------------------------------------------------------------------------------------
// Schemes

/** Live schemes, newest year first, then by name. */
export async function listSchemes(): Promise<SubsidySchemeRecord[]> {
  const collator = new Intl.Collator('zh-CN');
  return (await database().subsidySchemes.toArray())
    .filter(isLive)
    .sort((a, b) => b.year - a.year || collator.compare(a.name, b.name));
}

async function liveScheme(db: PlannerDatabase, id: string): Promise<SubsidySchemeRecord> {
  const scheme = await db.subsidySchemes.get(id);
  if (!scheme || !isLive(scheme)) throw new RecordNotFoundError('subsidySchemes', id);
  return scheme;
}

function normalizeScheme(input: SchemeInput): SchemeInput {
  return {
    name: input.name.trim(),
    year: input.year,
    kind: input.kind,
    payee: input.payee,
    amountFen: input.amountFen,
    tiers: input.tiers.map((tier) => ({ ...tier })),
    conditions: {
      ...input.conditions,
      householdTypes: [...input.conditions.householdTypes],
      destinations: [...input.conditions.destinations],
    },
    instalments: input.instalments.map((instalment) => ({ ...instalment })),
    evidence: [...input.evidence],
  };
}

/** checkScheme's problems, with the window's order said as a window's (the shared code speaks of leaving dates). */
function schemeProblems(scheme: SubsidyScheme): FieldProblem[] {
  return checkScheme(scheme).map((problem) =>
    problem.code === 'end-before-start' ? { ...problem, code: 'scheme-window-order' } : problem,
  );
}

/**
 * Stores a new scheme (`id` null) or changes one; `basedOn` is the scheme as the form loaded it.
 * Refused, with nothing stored, with every problem checkScheme finds (no amount, overlapping tiers,
 * instalments that do not add up …), and, once claims stand under the scheme, for a change of its
 * year, kind or payee, which the claims copied.
 */
export async function saveScheme(
  id: string | null,
  input: SchemeInput,
  basedOn?: SubsidySchemeRecord,
): Promise<SubsidySchemeRecord> {
  return auditedWrite(['subsidySchemes', 'subsidyClaims'], async ({ db, create, update }) => {
    const fields = normalizeScheme(input);
    const problems = schemeProblems({ ...fields, id: id ?? '' });
    if (problems.length > 0) refuse(problems);
    const at = now();
    if (id === null) {
      return create<SubsidySchemeRecord>('subsidySchemes', { id: newId(), ...fields, createdAt: at, updatedAt: at });
    }
    const before = await liveScheme(db, id);
    const changesClaims = before.year !== fields.year || before.kind !== fields.kind || before.payee !== fields.payee;
    if (changesClaims) {
      const claims = (await db.subsidyClaims.where('schemeId').equals(id).toArray()).filter(standing);
      if (claims.length > 0) refuse([{ field: 'year', code: 'scheme-has-claims', params: { count: claims.length } }]);
    }
    return update('subsidySchemes', before, { ...before, ...fields, updatedAt: at }, basedOn ? { basedOn } : {});
  });
}

/** Marks a scheme deleted; refused while claims stand under it (they would name nothing). */
export async function deleteScheme(id: string): Promise<void> {
  await auditedWrite(['subsidySchemes', 'subsidyClaims'], async ({ db, update }) => {
    const before = await liveScheme(db, id);
    const claims = (await db.subsidyClaims.where('schemeId').equals(id).toArray()).filter(standing);
    if (claims.length > 0) refuse([{ field: 'id', code: 'scheme-has-claims', params: { count: claims.length } }]);
    const at = now();
    await update('subsidySchemes', before, { ...before, deletedAt: at, updatedAt: at }, { action: 'delete' });
  });
}

// ---------------------------------------------------------------------------------------------
// Enterprises

/**
 * Sets an enterprise's key-enterprise flag (重点企业) and the bank account its subsidies are paid
 * into (null: none). Refused for an account given in part.
 */
export async function setEnterpriseSubsidyFields(
  enterpriseId: string,
  fields: { isKeyEnterprise: boolean; bankAccount: BankAccount | null },
  basedOn?: Enterprise,
): Promise<Enterprise> {
  return auditedWrite(['enterprises'], async ({ db, update }) => {
    const before = await db.enterprises.get(enterpriseId);
    if (!before || !isLive(before)) throw new RecordNotFoundError('enterprises', enterpriseId);
    const problems = checkBankAccount(fields.bankAccount);
    if (problems.length > 0) refuse(problems);
    return update(
      'enterprises',
      before,
      {
        ...before,
        isKeyEnterprise: fields.isKeyEnterprise,
        bankAccount: normalizeBankAccount(fields.bankAccount),
        updatedAt: now(),
      },
      basedOn ? { basedOn } : {},
    );
  });
}

// ---------------------------------------------------------------------------------------------
// Eligibility

/** Who a claim pays, with the name the papers print. */
export interface PayeeRef {
  kind: Payee;
  id: string;
  name: string;
}

/** A handed-over worker as eligibility sees them, with the stored records behind each period. */
interface Candidate {
  worker: Worker;
  /** The worker's newest live follow-up (the latest handover). */
  followUp: FollowUp;
  person: EligibilityPerson;
  /** The stored period behind each period eligibility reads. */
  sources: Map<EligibilityPeriod, EmploymentPeriod>;
}

/** Everything eligibility reads, read once. */
interface EligibilityRecords {
  candidates: Map<string, Candidate>;
  enterprises: Map<string, Enterprise>;
  /** Live introductions by worker. */
  introductions: Map<string, { agencyId: string; enterpriseId: string; introducedOn: CalendarDate }[]>;
  agencies: Map<string, { name: string }>;
}

/**
 * The handed-over workers (one live follow-up at least; only `workerIds` when given) as
 * eligibility reads them: each live employment period with its destination tier (from the
 * worker's home county and the enterprise's city and district, or the city a contact named), the
 * enterprise's key flag, and whether it began with one of the office's batches: a period at the
 * handover's enterprise that the handover (or an on-board date for it) opened.
 */
async function readEligibilityRecords(db: PlannerDatabase, workerIds?: readonly string[]): Promise<EligibilityRecords> {
  const ids = workerIds ? [...new Set(workerIds)] : null;
  const [followUps, periods, enterpriseList, introductionList, agencyList] = await Promise.all([
    ids ? db.followUps.where('workerId').anyOf(ids).toArray() : db.followUps.toArray(),
    ids ? db.employmentPeriods.where('workerId').anyOf(ids).toArray() : db.employmentPeriods.toArray(),
    db.enterprises.toArray(),
    ids ? db.introductions.where('workerId').anyOf(ids).toArray() : db.introductions.toArray(),
    db.agencies.toArray(),
  ]);
  const liveFollowUps = new Map<string, FollowUp>(followUps.filter(isLive).map((followUp) => [followUp.id, followUp]));
  const handedOver = [...new Set([...liveFollowUps.values()].map((followUp) => followUp.workerId))];
  const workers = (await db.workers.bulkGet(handedOver)).filter(
    (worker): worker is Worker => worker !== undefined && isLive(worker),
  );
  const enterprises = new Map(enterpriseList.map((enterprise) => [enterprise.id, enterprise]));
  const latestFollowUps = new Map<string, FollowUp>();
  for (const followUp of liveFollowUps.values()) {
    const known = latestFollowUps.get(followUp.workerId);
    if (!known || followUp.handedOverOn > known.handedOverOn) latestFollowUps.set(followUp.workerId, followUp);
  }
  const candidates = new Map<string, Candidate>();
  for (const worker of workers) {
    const followUp = latestFollowUps.get(worker.id);
    if (!followUp) continue;
    candidates.set(worker.id, {
      worker,
      followUp,
      person: { povertyStatus: worker.povertyStatus, periods: [] },
      sources: new Map(),
    });
  }
  for (const period of periods) {
    const candidate = candidates.get(period.workerId);
    const followUp = liveFollowUps.get(period.followUpId);
    if (!candidate || !followUp || !isLive(period)) continue;
    const enterprise = period.enterpriseId === null ? undefined : enterprises.get(period.enterpriseId);
    const workplace = enterprise
      ? { city: enterprise.city, district: enterprise.district }
      : { city: period.employerCity, district: '' };
    const read: EligibilityPeriod = {
      employer: period.enterpriseId ?? `name:${period.employerName}`,
      start: period.start,
      end: period.end,
      destination: destinationTier(candidate.worker.countyCode, workplace),
      isKeyEnterprise: enterprise?.isKeyEnterprise ?? false,
      organisedBatch: period.startSource !== 'contact' && period.enterpriseId === followUp.enterpriseId,
    };
    (candidate.person.periods as EligibilityPeriod[]).push(read);
    candidate.sources.set(read, period);
  }
  const introductions = new Map<string, { agencyId: string; enterpriseId: string; introducedOn: CalendarDate }[]>();
  for (const introduction of introductionList.filter(isLive)) {
    const list = introductions.get(introduction.workerId) ?? [];
    list.push(introduction);
    introductions.set(introduction.workerId, list);
  }
  const agencies = new Map(agencyList.filter(isLive).map((agency) => [agency.id, { name: agency.name }]));
  return { candidates, enterprises, introductions, agencies };
}

/**
 * Who is paid for a person's claim under a scheme: the worker; the enterprise of the period the
 * subsidy rests on (a known, live enterprise); the agency that introduced the worker to that
 * enterprise (the earliest introduction). Null when there is none to pay.
 */
function payeeOf(
  scheme: SubsidyScheme,
  candidate: Candidate,
  period: EligibilityPeriod,
  records: EligibilityRecords,
): PayeeRef | null {
  if (scheme.payee === 'worker') return { kind: 'worker', id: candidate.worker.id, name: candidate.worker.name };
  const enterpriseId = candidate.sources.get(period)?.enterpriseId ?? null;
  const enterprise = enterpriseId === null ? undefined : records.enterprises.get(enterpriseId);
  if (!enterprise || !isLive(enterprise)) return null;
  if (scheme.payee === 'enterprise') return { kind: 'enterprise', id: enterprise.id, name: enterprise.name };
  const introduction = (records.introductions.get(candidate.worker.id) ?? [])
    .filter((candidateIntroduction) => candidateIntroduction.enterpriseId === enterprise.id)
    .filter((candidateIntroduction) => records.agencies.has(candidateIntroduction.agencyId))
    .sort((a, b) => a.introducedOn.localeCompare(b.introducedOn))[0];
  const agency = introduction ? records.agencies.get(introduction.agencyId) : undefined;
  return introduction && agency ? { kind: 'agency', id: introduction.agencyId, name: agency.name } : null;
}

/**
 * The employer a person's row names: that of the period the subsidy rests on when eligible;
 * otherwise that of the latest period of the latest handover, or the handover's enterprise; '' when
 * none is known. An enterprise by its stored name, a period with no enterprise by the name typed.
 */
function employerOf(candidate: Candidate, eligibility: Eligibility, records: EligibilityRecords): string {
  let period: EmploymentPeriod | undefined;
  if (eligibility.state === 'eligible') {
    period = candidate.sources.get(eligibility.period);
  } else {
    for (const source of candidate.sources.values()) {
      if (source.followUpId !== candidate.followUp.id) continue;
      if (!period || source.start > period.start) period = source;
    }
  }
  const enterpriseId = period ? period.enterpriseId : candidate.followUp.enterpriseId;
  const enterprise = enterpriseId === null ? undefined : records.enterprises.get(enterpriseId);
  return enterprise?.name ?? period?.employerName ?? '';
}

/** One handed-over worker's standing under a scheme, with what a row shows of them. */
export interface WorkerEligibility {
  workerId: string;
  name: string;
  /** The township of the worker's household; '' when not known. */
  township: string;
  /** The employer the row names (employerOf); '' when none is known. */
  employer: string;
  eligibility: Eligibility;
  /** Who would be paid; null when not eligible, or when there is no one to pay (no agency introduced them). */
  payee: PayeeRef | null;
  /** The stored employment period the subsidy rests on; null when not eligible. */
  periodId: string | null;
  /** The worker's live claims under this scheme (rejected ones too), oldest first. */
  claims: SubsidyClaim[];
}

/**
 * Every handed-over worker's eligibility under a scheme as of `today` (Beijing calendar), computed
 * from the stored records, with the payee, the claims already made and what the list shows of each
 * person (township, employer), all read in one pass: the list reads nothing more per row.
 */
export async function subsidyEligibility(schemeId: string, today: CalendarDate): Promise<WorkerEligibility[]> {
  const db = database();
  return db.transaction('r', [...CLAIM_TABLES], async () => {
    const scheme = await liveScheme(db, schemeId);
    const [records, claims] = await Promise.all([
      readEligibilityRecords(db),
      db.subsidyClaims.where('schemeId').equals(schemeId).toArray(),
    ]);
    const claimsByWorker = new Map<string, SubsidyClaim[]>();
    for (const claim of claims.filter(isLive).sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
      const list = claimsByWorker.get(claim.workerId) ?? [];
      list.push(claim);
      claimsByWorker.set(claim.workerId, list);
    }
    const collator = new Intl.Collator('zh-CN');
    return [...records.candidates.values()]
      .map((candidate): WorkerEligibility => {
        const eligibility = eligibilitiesOf(candidate.person, [scheme], today)[0] as Eligibility;
        const eligible = eligibility.state === 'eligible';
        return {
          workerId: candidate.worker.id,
          name: candidate.worker.name,
          township: candidate.worker.township,
          employer: employerOf(candidate, eligibility, records),
          eligibility,
          payee: eligible ? payeeOf(scheme, candidate, eligibility.period, records) : null,
          periodId: eligible ? (candidate.sources.get(eligibility.period)?.id ?? null) : null,
          claims: claimsByWorker.get(candidate.worker.id) ?? [],
        };
      })
      .sort((a, b) => collator.compare(a.name, b.name));
  });
}

// ---------------------------------------------------------------------------------------------
// Claims

/** The name a payee goes by in a message, deleted or not. */
async function payeeName(db: PlannerDatabase, kind: Payee, id: string): Promise<string> {
  if (kind === 'enterprise') return (await db.enterprises.get(id))?.name ?? '';
  if (kind === 'agency') return (await db.agencies.get(id))?.name ?? '';
  return (await db.workers.get(id))?.name ?? '';
}

async function duplicateProblem(db: PlannerDatabase, name: string, earlier: SubsidyClaim): Promise<FieldProblem> {
  return {
    field: 'workerIds',
    code: 'claim-duplicate',
    params: {
      name,
      year: earlier.year,
      payee: await payeeName(db, earlier.payee, earlier.payeeId),
      status: earlier.status,
    },
  };
}

/**
 * Makes the claims of these workers under a scheme as of `today`: one claim, or one per instalment
 * owed and not yet claimed. All or none: refused, with nothing stored and a problem per worker, for
 * anyone not eligible (with the day they will be, when known), anyone with no one to pay, and
 * anyone already claimed for under this scheme and year, by this payee or another, naming the
 * earlier claim's payee and status.
 */
export async function createClaims(
  schemeId: string,
  workerIds: readonly string[],
  today: CalendarDate,
): Promise<SubsidyClaim[]> {
  await requireOperator();
  return auditedWrite(CLAIM_TABLES, async ({ db, create }) => {
    const scheme = await liveScheme(db, schemeId);
    const ids = [...new Set(workerIds)];
    if (ids.length === 0) refuse([{ field: 'workerIds', code: 'claims-none' }]);
    const records = await readEligibilityRecords(db, ids);
    const earlierClaims = (await db.subsidyClaims.where('workerId').anyOf(ids).toArray()).filter(
      (claim) => standing(claim) && claim.schemeId === schemeId && claim.year === scheme.year,
    );
    const problems: FieldProblem[] = [];
    const fresh: SubsidyClaim[] = [];
    const at = now();
    for (const workerId of ids) {
      const candidate = records.candidates.get(workerId);
      if (!candidate) {
        const worker = await db.workers.get(workerId);
        if (!worker || !isLive(worker)) throw new RecordNotFoundError('workers', workerId);
        problems.push({ field: 'workerIds', code: 'claim-not-handed-over', params: { name: worker.name } });
        continue;
      }
      const { name } = candidate.worker;
      const eligibility = eligibilitiesOf(candidate.person, [scheme], today)[0] as Eligibility;
      if (eligibility.state === 'not-yet') {
        problems.push({ field: 'workerIds', code: 'claim-not-yet-eligible', params: { name, from: eligibility.from } });
        continue;
      }
      if (eligibility.state === 'not-eligible') {
        problems.push({ field: 'workerIds', code: 'claim-not-eligible', params: { name } });
        continue;
      }
      const payee = payeeOf(scheme, candidate, eligibility.period, records);
      if (!payee) {
        problems.push({ field: 'workerIds', code: `claim-no-${scheme.payee}`, params: { name } });
        continue;
      }
      const earlier = earlierClaims
        .filter((claim) => claim.workerId === workerId)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      const otherPayee = earlier.find((claim) => claim.payeeId !== payee.id);
      if (otherPayee) {
        problems.push(await duplicateProblem(db, name, otherPayee));
        continue;
      }
      const claimed = new Set(earlier.map((claim) => claim.instalment));
      const owed =
        scheme.instalments.length === 0
          ? [{ instalment: null, amountFen: eligibility.amountFen, dueOn: eligibility.since }]
          : eligibility.instalments.flatMap((due, index) =>
              due.owed ? [{ instalment: index, amountFen: due.amountFen, dueOn: due.dueOn }] : [],
            );
      const unclaimed = owed.filter((due) => !claimed.has(due.instalment));
      const latest = earlier.at(-1);
      // Every instalment owed so far is claimed: the next one is owed from its day.
      const next = eligibility.instalments.find((due, index) => !due.owed && !claimed.has(index));
      if (unclaimed.length === 0 && next) {
        problems.push({ field: 'workerIds', code: 'claim-instalment-not-yet', params: { name, from: next.dueOn } });
        continue;
      }
      if (unclaimed.length === 0 && latest) {
        problems.push(await duplicateProblem(db, name, latest));
        continue;
      }
      for (const due of unclaimed) {
        fresh.push({
          id: newId(),
          schemeId,
          workerId,
          year: scheme.year,
          payee: payee.kind,
          payeeId: payee.id,
          amountFen: due.amountFen,
          instalment: due.instalment,
          dueOn: due.dueOn,
          periodId: candidate.sources.get(eligibility.period)?.id ?? null,
          months: eligibility.months,
          status: 'eligible',
          noticeFrom: null,
          noticeDays: null,
          submittedOn: null,
          approvedOn: null,
          paidOn: null,
          paidAmountFen: null,
          voucher: '',
          rejectedOn: null,
          rejectionReason: '',
          createdAt: at,
          updatedAt: at,
        });
      }
    }
    if (problems.length > 0) refuse(problems);
    const stored: SubsidyClaim[] = [];
    for (const claim of fresh) stored.push(await create('subsidyClaims', claim));
    return stored;
  });
}

/** The claim's fields a step sets. */
function stepFields(claim: SubsidyClaim, step: ClaimStep): Partial<SubsidyClaim> {
  switch (step.to) {
    case 'on-notice':
      return { status: step.to, noticeFrom: step.noticeFrom, noticeDays: step.noticeDays };
    case 'submitted':
      return { status: step.to, submittedOn: step.on };
    case 'approved':
      return { status: step.to, approvedOn: step.on };
    case 'paid':
      return { status: step.to, paidOn: step.on, paidAmountFen: claim.amountFen, voucher: step.voucher.trim() };
    case 'rejected':
      return { status: step.to, rejectedOn: step.on, rejectionReason: step.reason.trim() };
  }
}

/**
 * Takes one step for several claims at once (shared/subsidy/claim-steps.ts): all or none. A
 * payment is one transfer to one payee under one voucher: `amountFen` must be the exact sum owed
 * on the claims (each records its own amount). Refused, with nothing stored, with each problem once
 * and the first person it concerns named.
 */
export async function stepClaims(
  claimIds: readonly string[],
  step: ClaimStep,
  today: CalendarDate,
): Promise<SubsidyClaim[]> {
  await requireOperator();
  return auditedWrite(['subsidyClaims', 'workers'], async ({ db, update }) => {
    const ids = [...new Set(claimIds)];
    if (ids.length === 0) refuse([{ field: 'claimIds', code: 'claims-none' }]);
    const claims = await db.subsidyClaims.bulkGet(ids);
    const live = claims.map((claim, index) => {
      if (!claim || !isLive(claim)) throw new RecordNotFoundError('subsidyClaims', ids[index] ?? '');
      return claim;
    });
    const problems: FieldProblem[] = [];
    if (step.to === 'paid') {
      const owed = sumFen(live.map((claim) => claim.amountFen));
      if (step.amountFen !== owed) {
        problems.push({ field: 'amountFen', code: 'paid-total-differs', params: { owed: formatYuan(owed) } });
      }
      if (new Set(live.map((claim) => `${claim.payee}:${claim.payeeId}`)).size > 1) {
        problems.push({ field: 'claimIds', code: 'paid-several-payees' });
      }
    }
    const workers = await db.workers.bulkGet(live.map((claim) => claim.workerId));
    const seen = new Set(problems.map((problem) => `${problem.field}:${problem.code}`));
    for (const [index, claim] of live.entries()) {
      const own: ClaimStep = step.to === 'paid' ? { ...step, amountFen: claim.amountFen } : step;
      const noticeEndsOn =
        claim.noticeFrom !== null && claim.noticeDays !== null ? noticeEnds(claim.noticeFrom, claim.noticeDays) : null;
      for (const problem of checkClaimStep(claim.status, own, { today, owedFen: claim.amountFen, noticeEndsOn })) {
        const key = `${problem.field}:${problem.code}`;
        if (seen.has(key)) continue;
        seen.add(key);
        problems.push({ ...problem, params: { ...problem.params, name: workers[index]?.name ?? '' } });
      }
    }
    if (problems.length > 0) refuse(problems);
    const at = now();
    const stored: SubsidyClaim[] = [];
    for (const claim of live) {
      stored.push(
        await update(
          'subsidyClaims',
          claim,
          { ...claim, ...stepFields(claim, step), updatedAt: at },
          {
            ...(step.to === 'rejected' ? { reason: step.reason.trim() } : {}),
          },
        ),
      );
    }
    return stored;
  });
}

/**
 * Why a roster (花名册) of these claims cannot be made now: a payee, enterprise or agency, with no
 * complete bank account to pay into (each named once), or a claim that was rejected. Workers are
 * paid through the county's social-security card accounts, which the office does not hold: none
 * is asked of them. Empty: the roster can be made.
 */
export async function rosterRefusals(claimIds: readonly string[]): Promise<FieldProblem[]> {
  const db = database();
  return db.transaction('r', ['subsidyClaims', 'enterprises', 'agencies', 'workers'], async () => {
    const claims = await db.subsidyClaims.bulkGet([...new Set(claimIds)]);
    const problems: FieldProblem[] = [];
    const checked = new Set<string>();
    for (const [index, claim] of claims.entries()) {
      if (!claim || !isLive(claim)) throw new RecordNotFoundError('subsidyClaims', claimIds[index] ?? '');
      if (claim.status === 'rejected') {
        const worker = await db.workers.get(claim.workerId);
        problems.push({ field: 'claimIds', code: 'roster-claim-rejected', params: { name: worker?.name ?? '' } });
      }
      if (claim.payee === 'worker' || checked.has(claim.payeeId)) continue;
      checked.add(claim.payeeId);
      const payee =
        claim.payee === 'enterprise' ? await db.enterprises.get(claim.payeeId) : await db.agencies.get(claim.payeeId);
      if (!payee || !isPayableAccount(payee.bankAccount)) {
        problems.push({ field: 'bankAccount', code: 'payee-no-bank-account', params: { payee: payee?.name ?? '' } });
      }
    }
    return problems;
  });
}

/** A claim as the claims list shows it: with its person's name and township and its payee's name. */
export interface SchemeClaim extends SubsidyClaim {
  workerName: string;
  /** The township of the worker's household; '' when not known. */
  township: string;
  /** The enterprise's, agency's or worker's name, deleted or not; '' when the record is gone. */
  payeeName: string;
}

/**
 * A scheme's live claims, oldest first, each with what its row shows (the person's name and
 * township, the payee's name), read in one transaction: the list reads nothing more per row.
 */
export async function claimsOfScheme(schemeId: string): Promise<SchemeClaim[]> {
  const db = database();
  return db.transaction('r', ['subsidyClaims', 'workers', 'enterprises', 'agencies'], async () => {
    const claims = (await db.subsidyClaims.where('schemeId').equals(schemeId).toArray())
      .filter(isLive)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const idsOf = (kind: Payee) => [
      ...new Set(claims.filter((claim) => claim.payee === kind).map((claim) => claim.payeeId)),
    ];
    const [workers, enterprises, agencies] = await Promise.all([
      db.workers.bulkGet([
        ...new Set(claims.flatMap((claim) => [claim.workerId, ...(claim.payee === 'worker' ? [claim.payeeId] : [])])),
      ]),
      db.enterprises.bulkGet(idsOf('enterprise')),
      db.agencies.bulkGet(idsOf('agency')),
    ]);
    const byId = <T extends { id: string }>(records: readonly (T | undefined)[]) =>
      new Map(records.filter((record): record is T => record !== undefined).map((record) => [record.id, record]));
    const workerOf = byId(workers);
    const names: Record<Payee, Map<string, { name: string }>> = {
      enterprise: byId(enterprises),
      agency: byId(agencies),
      worker: workerOf,
    };
    return claims.map((claim) => {
      const worker = workerOf.get(claim.workerId);
      return {
        ...claim,
        workerName: worker?.name ?? '',
        township: worker?.township ?? '',
        payeeName: names[claim.payee].get(claim.payeeId)?.name ?? '',
      };
    });
  });
}

/** The exact sum of claims' amounts, in fen. */
export function totalOf(claims: readonly Pick<SubsidyClaim, 'amountFen'>[]): Fen {
  return sumFen(claims.map((claim) => claim.amountFen));
}

/**
 * Every live claim as the report reads it (shared/subsidy/report.ts): with its scheme's, payee's and worker's
 * names and the township of the worker's household, read in one transaction, oldest first.
 */
export async function reportClaims(): Promise<ReportClaim[]> {
  const db = database();
  return db.transaction('r', ['subsidyClaims', 'subsidySchemes', 'enterprises', 'agencies', 'workers'], async () => {
    const claims = (await db.subsidyClaims.toArray())
      .filter(isLive)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    const [schemes, enterprises, agencies, workers] = await Promise.all([
      db.subsidySchemes.toArray(),
      db.enterprises.toArray(),
      db.agencies.toArray(),
      db.workers.bulkGet([...new Set(claims.map((claim) => claim.workerId))]),
    ]);
    const named = (records: readonly { id: string; name: string }[]) =>
      new Map(records.map((record) => [record.id, record.name]));
    const schemeNames = named(schemes);
    const payeeNames: Record<Payee, Map<string, string>> = {
      enterprise: named(enterprises),
      agency: named(agencies),
      worker: named(workers.filter((worker): worker is Worker => worker !== undefined)),
    };
    const townships = new Map(
      workers.filter((worker): worker is Worker => worker !== undefined).map((worker) => [worker.id, worker.township]),
    );
    return claims.map((claim) => ({
      id: claim.id,
      schemeId: claim.schemeId,
      schemeName: schemeNames.get(claim.schemeId) ?? '',
      year: claim.year,
      payee: claim.payee,
      payeeId: claim.payeeId,
      payeeName: payeeNames[claim.payee].get(claim.payeeId) ?? '',
      township: townships.get(claim.workerId) ?? '',
      workerName: payeeNames.worker.get(claim.workerId) ?? '',
      status: claim.status,
      amountFen: claim.amountFen,
      paidAmountFen: claim.paidAmountFen,
      dueOn: claim.dueOn,
      noticeFrom: claim.noticeFrom,
      paidOn: claim.paidOn,
      rejectedOn: claim.rejectedOn,
    }));
  });
}

/** A claim as the papers read it: the summary's claim, with the payee's whole head for a roster. */
export interface PaperClaim extends SummaryClaim {
  payee: PaperPayee;
}

/**
 * The claims as the papers read them (shared/subsidy/papers/model.ts): each with its scheme, its
 * payee (name, credit code and account, for an enterprise or an agency) and its row (the person,
 * the employment period it rests on, the scheme's standard and the claim's amount), in the order
 * asked. Resident IDs come in full: the papers mask them.
 */
export async function paperClaims(claimIds: readonly string[]): Promise<PaperClaim[]> {
  const db = database();
  const tables = ['subsidyClaims', 'subsidySchemes', 'workers', 'employmentPeriods', 'enterprises', 'agencies'];
  return db.transaction('r', tables, async () => {
    const ids = [...new Set(claimIds)];
    const claims = (await db.subsidyClaims.bulkGet(ids)).map((claim, index) => {
      if (!claim || !isLive(claim)) throw new RecordNotFoundError('subsidyClaims', ids[index] ?? '');
      return claim;
    });
    const [schemes, workers, periods, enterprises, agencies] = await Promise.all([
      db.subsidySchemes.bulkGet([...new Set(claims.map((claim) => claim.schemeId))]),
      db.workers.bulkGet([...new Set(claims.map((claim) => claim.workerId))]),
      db.employmentPeriods.bulkGet(claims.flatMap((claim) => (claim.periodId === null ? [] : [claim.periodId]))),
      db.enterprises.toArray(),
      db.agencies.toArray(),
    ]);
    const byId = <T extends { id: string }>(records: readonly (T | undefined)[]) =>
      new Map(records.filter((record): record is T => record !== undefined).map((record) => [record.id, record]));
    const [schemeOf, workerOf, periodOf, enterpriseOf, agencyOf] = [
      byId(schemes),
      byId(workers),
      byId(periods),
      byId(enterprises),
      byId(agencies),
    ];
    return claims.map((claim): PaperClaim => {
      const scheme = schemeOf.get(claim.schemeId);
      const worker = workerOf.get(claim.workerId);
      if (!scheme) throw new RecordNotFoundError('subsidySchemes', claim.schemeId);
      if (!worker) throw new RecordNotFoundError('workers', claim.workerId);
      const period = claim.periodId === null ? undefined : periodOf.get(claim.periodId);
      const employer = period?.enterpriseId ? enterpriseOf.get(period.enterpriseId) : undefined;
      const workplace = employer
        ? { city: employer.city, district: employer.district }
        : { city: period?.employerCity ?? '', district: '' };
      const tier = destinationTier(worker.countyCode, workplace);
      const standardFen =
        scheme.amountFen ??
        scheme.tiers.find((candidate) => candidate.destination === tier)?.amountFen ??
        claim.amountFen;
      const holder = claim.payee === 'enterprise' ? enterpriseOf.get(claim.payeeId) : agencyOf.get(claim.payeeId);
      const account = claim.payee === 'worker' ? null : normalizeBankAccount(holder?.bankAccount);
      const payee: PaperPayee = {
        id: claim.payeeId,
        kind: claim.payee,
        name: claim.payee === 'worker' ? worker.name : (holder?.name ?? ''),
        creditCode: claim.payee === 'worker' ? '' : (holder?.creditCode ?? ''),
        bankName: account?.bankName ?? '',
        bankAccount: account?.accountNumber ?? '',
      };
      const paperScheme: PaperScheme = { id: scheme.id, name: scheme.name, kind: scheme.kind, year: claim.year };
      return {
        scheme: paperScheme,
        payee,
        row: {
          claimId: claim.id,
          name: worker.name,
          gender: worker.gender,
          birthDate: worker.birthDate,
          residentId: worker.residentId,
          householdPlace: `${worker.county}${worker.township}${worker.village}`,
          township: worker.township,
          householdType: worker.povertyStatus,
          employer: employer?.name ?? period?.employerName ?? '',
          workPlace: `${workplace.city}${workplace.district}`,
          startDate: period?.start ?? claim.dueOn,
          endDate: period?.end ?? null,
          months: claim.months,
          standardFen,
          amountFen: claim.amountFen,
          note: '',
        },
      };
    });
  });
}

/**
 * A subsidy scheme as its form holds it (issue 18, item 1): amounts as typed in yuan, shares in
 * percent, numbers as the fields give them; and the reading back into the repository's
 * `SchemeInput`, in whole fen (shared/subsidy/money.ts). An amount that is no amount is said in
 * words here, as the repository only ever sees fen; every other rule is the repository's.
 */
import type { TFunction } from 'i18next';
import type { CalendarDate, PovertyStatus, SubsidySchemeRecord } from '@shared/domain/records';
import { formatYuan, parseYuan, type Fen } from '@shared/subsidy/money';
import type {
  DestinationTier,
  EvidenceKind,
  OrganisedBatchRule,
  Payee,
  SchemeKind,
  SubsidyScheme,
} from '@shared/subsidy/scheme';
import type { SchemeInput } from '@renderer/db';
import { numberFrom, type NumberFieldValue } from '@renderer/components/field-problems';

export type AmountMode = 'single' | 'tiers';

export interface TierDraft {
  key: string;
  destination: DestinationTier;
  amount: string;
}

export interface InstalmentDraft {
  key: string;
  /** Percent, as people say it: 50 is half. */
  share: NumberFieldValue;
  afterMonths: NumberFieldValue;
}

export interface SchemeDraft {
  name: string;
  year: NumberFieldValue;
  kind: SchemeKind;
  payee: Payee;
  mode: AmountMode;
  amount: string;
  tiers: TierDraft[];
  householdTypes: PovertyStatus[];
  minMonths: NumberFieldValue;
  sameEmployer: boolean;
  keyEnterpriseOnly: boolean;
  organisedBatch: OrganisedBatchRule;
  destinations: DestinationTier[];
  startFrom: CalendarDate;
  startTo: CalendarDate;
  instalments: InstalmentDraft[];
  evidence: EvidenceKind[];
}

/** Who each kind usually pays: the form suggests it when the kind is chosen. */
export const USUAL_PAYEE: Readonly<Record<SchemeKind, Payee>> = {
  hiring: 'enterprise',
  placement: 'agency',
  transport: 'worker',
  retention: 'worker',
};

const newKey = (): string => crypto.randomUUID();

/** Fen as the field shows them: 1000.00, without grouping, so that it reads back as typed. */
function yuanText(fen: Fen): string {
  return formatYuan(fen).replace(/,/g, '');
}

export function emptyDraft(year: number): SchemeDraft {
  return {
    name: '',
    year,
    kind: 'hiring',
    payee: 'enterprise',
    mode: 'single',
    amount: '',
    tiers: [],
    householdTypes: [],
    minMonths: 0,
    sameEmployer: false,
    keyEnterpriseOnly: false,
    organisedBatch: 'any',
    destinations: [],
    startFrom: '',
    startTo: '',
    instalments: [],
    evidence: [],
  };
}

export function draftOf(scheme: SubsidySchemeRecord): SchemeDraft {
  const { conditions } = scheme;
  return {
    name: scheme.name,
    year: scheme.year,
    kind: scheme.kind,
    payee: scheme.payee,
    mode: scheme.amountFen === null && scheme.tiers.length > 0 ? 'tiers' : 'single',
    amount: scheme.amountFen === null ? '' : yuanText(scheme.amountFen),
    tiers: scheme.tiers.map((tier) => ({
      key: newKey(),
      destination: tier.destination,
      amount: yuanText(tier.amountFen),
    })),
    householdTypes: [...conditions.householdTypes],
    minMonths: conditions.minMonths,
    sameEmployer: conditions.sameEmployer,
    keyEnterpriseOnly: conditions.keyEnterpriseOnly,
    organisedBatch: conditions.organisedBatch,
    destinations: [...conditions.destinations],
    startFrom: conditions.startFrom ?? '',
    startTo: conditions.startTo ?? '',
    instalments: scheme.instalments.map((instalment) => ({
      key: newKey(),
      share: Math.round(instalment.share * 10_000) / 100,
      afterMonths: instalment.afterMonths,
    })),
    evidence: [...scheme.evidence],
  };
}

export function newTier(draft: SchemeDraft): TierDraft {
  const used = new Set(draft.tiers.map((tier) => tier.destination));
  const free = (['outside-province', 'in-province', 'in-county'] as const).find((tier) => !used.has(tier));
  return { key: newKey(), destination: free ?? 'outside-province', amount: '' };
}

export function newInstalment(): InstalmentDraft {
  return { key: newKey(), share: '', afterMonths: '' };
}

/**
 * The scheme the form describes, or the amounts that are no amount (keys `amountFen` and
 * `tiers.<index>`, messages in the user's language). The mode not chosen is left out: a scheme
 * with one amount has no tiers.
 */
export function readDraft(
  draft: SchemeDraft,
  t: TFunction,
): { input: SchemeInput; errors?: undefined } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const fen = (text: string, key: string): Fen => {
    const read = parseYuan(text);
    if ('fen' in read) return read.fen;
    errors[key] = t(`subsidy.schemes.yuan.${read.problem}`);
    return 0;
  };
  let amountFen: Fen | null = null;
  let tiers: SubsidyScheme['tiers'] = [];
  if (draft.mode === 'single') {
    // An empty field is no amount: the repository's own words say so.
    amountFen = draft.amount.trim() === '' ? null : fen(draft.amount, 'amountFen');
  } else {
    tiers = draft.tiers.map((tier, index) => ({
      destination: tier.destination,
      amountFen: fen(tier.amount, `tiers.${index}`),
    }));
  }
  if (Object.keys(errors).length > 0) return { errors };
  return {
    input: {
      name: draft.name,
      year: numberFrom(draft.year),
      kind: draft.kind,
      payee: draft.payee,
      amountFen,
      tiers,
      conditions: {
        householdTypes: draft.householdTypes,
        minMonths: numberFrom(draft.minMonths),
        sameEmployer: draft.sameEmployer,
        keyEnterpriseOnly: draft.keyEnterpriseOnly,
        organisedBatch: draft.organisedBatch,
        destinations: draft.destinations,
        startFrom: draft.startFrom === '' ? null : draft.startFrom,
        startTo: draft.startTo === '' ? null : draft.startTo,
      },
      // Percent to a fraction; 33.33 + 33.33 + 33.34 adds up within the rule's tolerance.
      instalments: draft.instalments.map((instalment) => ({
        share: numberFrom(instalment.share) / 100,
        afterMonths: numberFrom(instalment.afterMonths),
      })),
      evidence: draft.evidence,
    },
  };
}

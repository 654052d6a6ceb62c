/**
 * What the subsidy papers (issue 18, item 5) are made from: plain rows, already gathered and
 * resolved by the caller (names and words, not ids), so that every builder is a pure function of
 * them. Resident IDs come in full; the roster masks them unless the person printing chose full
 * numbers, as the batch documents do (shared/documents, `PrintContext.fullNumbers`); the public
 * notice never prints them at all.
 */
import type { CalendarDate, Gender, PovertyStatus } from '../../domain/records';
import type { Fen } from '../money';
import type { Payee, SchemeKind } from '../scheme';

/** One person on a claim: one line of the roster, the notice and the summary's detail. */
export interface SubsidyPaperRow {
  /** The claim's id: what a summary cell answers with when asked for the people behind it. */
  claimId: string;
  name: string;
  gender: Gender;
  /** For the age on the public notice. */
  birthDate: CalendarDate;
  residentId: string;
  /** 户籍地: county, township and village as people write them (田东县平马镇那王村). */
  householdPlace: string;
  /** The township of the household, by which the summary groups. */
  township: string;
  /** 户类型. */
  householdType: PovertyStatus;
  /** 务工单位. */
  employer: string;
  /** 务工地点. */
  workPlace: string;
  /** 到岗日期. */
  startDate: CalendarDate;
  /** The last day of work, or null while still employed (the notice prints 至今). */
  endDate: CalendarDate | null;
  /** 务工月数: completed months of work the claim counts. */
  months: number;
  /** 补贴标准: the scheme's amount per person (or the tier's), in fen. */
  standardFen: Fen;
  /** 补贴金额: what this claim pays, in fen (an instalment may be less than the standard). */
  amountFen: Fen;
  /** 备注. */
  note: string;
}

/** The scheme a paper is about. */
export interface PaperScheme {
  id: string;
  name: string;
  kind: SchemeKind;
  year: number;
}

/** Who the money goes to: an enterprise or an agency with its account; for a worker scheme, the workers themselves. */
export interface PaperPayee {
  id: string;
  kind: Payee;
  /** The enterprise's or agency's name; ignored for `worker` (each worker is paid in person). */
  name: string;
  /** 统一社会信用代码. */
  creditCode: string;
  bankName: string;
  bankAccount: string;
}

/** The head of an application roster: one payee, one scheme. */
export interface RosterHeader {
  /** The county (市、县、区) the claims are made in. */
  county: string;
  /** The bureau that approves (人力资源和社会保障局), named at its stamp. */
  bureau: string;
  scheme: PaperScheme;
  payee: PaperPayee;
}

/** The head of a public notice. */
export interface NoticeHeader {
  county: string;
  /** Who posts the notice and takes objections. */
  bureau: string;
  /** The bureau's telephone for objections (an office number, not a person's). */
  bureauPhone: string;
  scheme: PaperScheme;
  /** First and last day of the notice (公示期), inclusive. */
  from: CalendarDate;
  to: CalendarDate;
}

/** One claim as the summary counts it: the person, their scheme and their payee. */
export interface SummaryClaim {
  scheme: PaperScheme;
  payee: Pick<PaperPayee, 'id' | 'kind' | 'name'>;
  row: SubsidyPaperRow;
}

/** The head of a summary. */
export interface SummaryHeader {
  county: string;
  bureau: string;
  /** What the summary covers, as people say it (2026年度, 2026年1月至6月). */
  period: string;
}

/**
 * The demo's HR service agencies (人力资源服务机构) and who they introduced (issue 18, item 2): three
 * agencies, each with a contact and the bank account its placement subsidies are paid into, and
 * introductions of some of the handed-over workers to the enterprise they were handed over to,
 * mostly key enterprises (重点企业), a few days before their batch left. So the demo's placement
 * subsidy (职业介绍补贴) has people to pay an agency for, and some with no agency to pay.
 *
 * An agency that an enterprise names as the one that introduces its workers (`hrAgency`) is the one
 * that introduced them; the others are introduced by any. Deterministic for a seed, like the rest.
 */
import { addCalendarDays } from '../dates';
import { CREDIT_CODE_ALPHABET, creditCodeCheckChar } from '../domain/credit-code';
import type { Agency, Enterprise, FollowUp, Gender, Introduction } from '../domain/records';
import { makePersonName } from './names';
import type { SeededRandom } from './random';
import { makeMobile, type RecordStamp } from './make-demo-data';

/** The agencies: name, where registered (the credit code's region), and the bank branch they use. */
const AGENCIES: readonly { name: string; region: string; bank: string; landline: string }[] = [
  { name: '广州市穗桂人力资源服务有限公司', region: '440106', bank: '中国工商银行广州天河支行', landline: '020-8552' },
  { name: '深圳市鹏桂人力资源服务有限公司', region: '440306', bank: '中国建设银行深圳宝安支行', landline: '0755-2761' },
  {
    name: '百色市右江劳务人力资源服务有限公司',
    region: '451002',
    bank: '中国农业银行百色右江支行',
    landline: '0776-2826',
  },
];

/** Of the workers handed over to a key enterprise, the share an agency introduced; of the others, fewer. */
const INTRODUCED_AT_KEY = 0.5;
const INTRODUCED_ELSEWHERE = 0.1;

const CODE_CHARS = Array.from(CREDIT_CODE_ALPHABET);

function creditCode(random: SeededRandom, region: string): string {
  let organization = 'MA';
  for (let i = 0; i < 7; i += 1) organization += random.pick(CODE_CHARS);
  const first17 = `91${region}${organization}`;
  return `${first17}${creditCodeCheckChar(first17)}`;
}

function accountNumber(random: SeededRandom): string {
  let digits = String(random.int(1, 9));
  for (let i = 1; i < 19; i += 1) digits += String(random.int(0, 9));
  return digits;
}

export interface DemoAgencies {
  agencies: Agency[];
  introductions: Introduction[];
}

export function makeAgencies(
  random: SeededRandom,
  enterprises: readonly Enterprise[],
  followUps: readonly FollowUp[],
  stamp: RecordStamp,
): DemoAgencies {
  const agencies: Agency[] = AGENCIES.map((agency) => {
    const gender: Gender = random.chance(0.5) ? 'female' : 'male';
    return {
      id: random.uuid(),
      name: agency.name,
      creditCode: creditCode(random, agency.region),
      contactName: makePersonName(random, gender),
      contactPhone: random.chance(0.5) ? makeMobile(random) : `${agency.landline}${String(random.int(1000, 9999))}`,
      bankAccount: { bankName: agency.bank, accountNumber: accountNumber(random), accountName: agency.name },
      notes: '',
      ...stamp,
    };
  });
  const byName = new Map(agencies.map((agency) => [agency.name, agency]));
  const enterpriseOf = new Map(enterprises.map((enterprise) => [enterprise.id, enterprise]));
  const introduced = new Set<string>();
  const introductions: Introduction[] = [];
  for (const followUp of followUps) {
    const enterprise = enterpriseOf.get(followUp.enterpriseId);
    const key = `${followUp.workerId}/${followUp.enterpriseId}`;
    if (!enterprise || introduced.has(key)) continue;
    if (!random.chance(enterprise.isKeyEnterprise ? INTRODUCED_AT_KEY : INTRODUCED_ELSEWHERE)) continue;
    introduced.add(key);
    const agency = byName.get(enterprise.hrAgency) ?? random.pick(agencies);
    introductions.push({
      id: random.uuid(),
      agencyId: agency.id,
      workerId: followUp.workerId,
      enterpriseId: enterprise.id,
      // Before the batch left: the agency found the job, the office organised the journey.
      introducedOn: addCalendarDays(followUp.handedOverOn, -random.int(5, 25)),
      notes: '',
      ...stamp,
    });
  }
  return { agencies, introductions };
}

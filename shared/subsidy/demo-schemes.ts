/**
 * The demo's subsidy schemes for one year (issue 18, "schemes": demo schemes with the seed's
 * figures), as an office would enter them from the county's notices:
 *
 * - 吸纳就业补贴: 1,000 yuan a person to a key enterprise (重点企业) for each worker it takes on
 *   during the prevention period, from the first day;
 * - 职业介绍补贴: 400 yuan a person to the HR service agency that introduced the worker to a key
 *   enterprise in that period;
 * - 一次性交通补助: to a worker of a registered-poor or monitored (relatively poor) household who has
 *   worked outside the county for 3 months, 500 yuan outside the province and 300 yuan in the
 *   province; work in the county earns none;
 * - 稳岗补助: 600 yuan to a worker who has stayed 6 months with the same employer.
 *
 * The prevention period of the demo is the scheme's year: employment that began in it counts
 * (stays at one employer may have begun earlier, but not after the year). The transport and
 * retention amounts are the demo's own, as the seed names none; each office enters its county's.
 * Ids begin with the demo's prefix, so that clearing the demo data removes the schemes too.
 */
import { isCalendarDate } from '../dates';
import type { CalendarDate } from '../domain/records';
import { DEMO_OFFICE_ID_PREFIX } from '../demo/make-follow-ups';
import { checkScheme, type SchemeConditions, type SubsidyScheme } from './scheme';

const ANY: SchemeConditions = {
  householdTypes: [],
  minMonths: 0,
  sameEmployer: false,
  keyEnterpriseOnly: false,
  organisedBatch: 'any',
  destinations: [],
  startFrom: null,
  startTo: null,
};

/** The demo's schemes for `year` (2000 to 2100, as `checkScheme` allows), in the order of the notices above. */
export function demoSchemes(year: number): SubsidyScheme[] {
  const first: CalendarDate = `${String(year).padStart(4, '0')}-01-01`;
  const last: CalendarDate = `${String(year).padStart(4, '0')}-12-31`;
  const id = (kind: string): string => `${DEMO_OFFICE_ID_PREFIX}scheme-${year}-${kind}`;
  const schemes: SubsidyScheme[] = [
    {
      id: id('hiring'),
      name: `${year}年重点企业吸纳就业补贴`,
      year,
      kind: 'hiring',
      payee: 'enterprise',
      amountFen: 100_000,
      tiers: [],
      conditions: { ...ANY, keyEnterpriseOnly: true, startFrom: first, startTo: last },
      instalments: [],
      evidence: ['labour-contract'],
    },
    {
      id: id('placement'),
      name: `${year}年人力资源服务机构职业介绍补贴`,
      year,
      kind: 'placement',
      payee: 'agency',
      amountFen: 40_000,
      tiers: [],
      conditions: { ...ANY, keyEnterpriseOnly: true, startFrom: first, startTo: last },
      instalments: [],
      evidence: ['labour-contract'],
    },
    {
      id: id('transport'),
      name: `${year}年外出务工一次性交通补助`,
      year,
      kind: 'transport',
      payee: 'worker',
      amountFen: null,
      tiers: [
        { destination: 'outside-province', amountFen: 50_000 },
        { destination: 'in-province', amountFen: 30_000 },
      ],
      conditions: {
        ...ANY,
        householdTypes: ['registered-poor', 'relatively-poor'],
        minMonths: 3,
        destinations: ['outside-province', 'in-province'],
        startFrom: first,
        startTo: last,
      },
      instalments: [],
      evidence: ['employer-certificate'],
    },
    {
      id: id('retention'),
      name: `${year}年稳岗补助`,
      year,
      kind: 'retention',
      payee: 'worker',
      amountFen: 60_000,
      tiers: [],
      conditions: { ...ANY, minMonths: 6, sameEmployer: true, startTo: last },
      instalments: [],
      evidence: ['labour-contract', 'wage-statements'],
    },
  ];
  const refused = schemes.find((scheme) => checkScheme(scheme).length > 0);
  if (refused) throw new RangeError(`no demo schemes for the year ${String(year)}`);
  return schemes;
}

/** The demo's schemes for the year of `today` (a Beijing calendar date). */
export function demoSchemesOn(today: CalendarDate): SubsidyScheme[] {
  if (!isCalendarDate(today)) throw new RangeError(`not a calendar date (yyyy-MM-dd): ${JSON.stringify(today)}`);
  return demoSchemes(Number(today.slice(0, 4)));
}

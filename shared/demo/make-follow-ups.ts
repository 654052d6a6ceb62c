/**
 * The demo's past batches and what came after them (issue 17, item 8): batches that left weeks and
 * months before the demo's "today", each leg's arrival, each enterprise's handover (a few passengers
 * not handed over, each with a reason), a follow-up per worker handed over, contacts at every stage
 * (in post, changed job, left and looking, returned home, could not be reached; a correction or two),
 * and the employment periods derived from them. The office gets a staff list and two liaison stations.
 *
 * The follow-ups' kept fields (nextDue, lastContactOn, lastOutcome) and the periods come from the
 * same rules the repository writes them with (shared/followup: contactSchedule, derivePeriods), so
 * the workspace's index and the timeline agree with the log. The batches' dates are chosen so that
 * on "today" some contacts are due (the day-30 point of the batch that left 30 days ago) and some
 * are overdue (points left open on older batches). Deterministic for a seed, like the rest.
 */
import { beijingCalendarDate, beijingTimestamp } from '../dates';
import type {
  Arrival,
  Assignment,
  Batch,
  CalendarDate,
  Contact,
  ContactNeed,
  ContactOutcome,
  EmploymentPeriod,
  Enterprise,
  FollowUp,
  Handover,
  HandoverException,
  LiaisonStation,
  OfficeStaff,
  Route,
  Worker,
} from '../domain/records';
import { DEFAULT_SETTINGS } from '../domain/records';
import { contactSchedule } from '../followup/schedule';
import { derivePeriods } from '../followup/periods';
import { makePersonName } from './names';
import type { SeededRandom } from './random';
import { buildBatch, makeMobile, type BatchPlan, type RecordStamp } from './make-demo-data';

/**
 * The ids of the demo's staff and stations start with this, so that clearing the demo data takes
 * them out of the settings again (they are entries of the settings, not records with a demo mark).
 */
export const DEMO_OFFICE_ID_PREFIX = 'demo:';

/** The office's follow-up staff and liaison stations, for the settings. */
export interface DemoOffice {
  staff: OfficeStaff[];
  liaisonStations: LiaisonStation[];
}

export interface DemoFollowUps {
  batches: Batch[];
  assignments: Assignment[];
  arrivals: Arrival[];
  handovers: Handover[];
  followUps: FollowUp[];
  contacts: Contact[];
  employmentPeriods: EmploymentPeriod[];
  office: DemoOffice;
}

/**
 * Days before "today" that the past batches left: six months and more (every point due), three
 * months (the day-90 point just overdue), 30 days (the day-30 point due today), 12 days (day 7 past).
 */
export const PAST_BATCH_DAYS = [187, 92, 30, 12] as const;

const CONTACT_DAYS = DEFAULT_SETTINGS.contactDays;

const OTHER_CITIES = ['东莞市', '佛山市', '中山市', '惠州市', '广州市', '深圳市'];
const OTHER_TRADES = Array.from('长安虎门南海顺德石龙大朗');
const OTHER_INDUSTRIES = ['电子厂', '鞋厂', '玩具厂', '五金厂', '物流园', '家具厂'];
const LEFT_REASONS = ['工资低于预期', '加班太多，身体吃不消', '不适应夜班', '与班组长有矛盾', '合同到期'];
const HOME_REASONS = ['家中老人生病需要照顾', '回乡务农', '孩子上学需要照顾', '在县里找到工作'];
/** A difficulty, the help it asks for, and what the office did. */
const DIFFICULTIES: readonly (readonly [string, ContactNeed[], string])[] = [
  ['加班费未按时发放', ['rights'], '已联系企业人事核实，答应月底补发'],
  ['宿舍离车间太远', [], '已向企业反映'],
  ['想学电工，考证上岗', ['training'], '已告知县就业服务中心培训报名方式'],
  ['想换一个离家近的工作', ['change-job'], '已推荐到驻外工作站登记求职'],
  ['孩子在老家无人照看', ['other'], '已告知乡镇社工站'],
];
const EXCEPTIONS: readonly (readonly [HandoverException['reason'], string])[] = [
  ['did-not-board', '集合时未到，电话未接'],
  ['left-on-way', '在南宁东站下车，自行返回'],
  ['refused', '到厂后嫌宿舍条件差，不愿入职'],
  ['other', '身体不适，由随车人员送医'],
];

/** What becomes of a worker after the handover; the list repeats, so a small demo has each. */
type Fate = 'stays' | 'changes' | 'leaves' | 'home' | 'unreachable';
const FATES: readonly Fate[] = [
  ...['stays', 'changes', 'stays', 'leaves', 'stays', 'home', 'stays', 'unreachable', 'stays', 'changes'],
  ...['stays', 'stays', 'leaves', 'stays', 'home', 'stays', 'unreachable', 'stays', 'stays', 'stays'],
] as Fate[];

function newEmployer(random: SeededRandom): { name: string; city: string } {
  const city = random.pick(OTHER_CITIES);
  return { name: `${city}${random.pick(OTHER_TRADES)}${random.pick(OTHER_INDUSTRIES)}`, city };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * `date` plus `days`, by plain UTC arithmetic on the calendar date: the same result as
 * shared/dates.ts addCalendarDays, many times faster, for the thousands of contacts a large demo plans.
 */
function plusDays(date: CalendarDate, days: number): CalendarDate {
  const time = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return new Date(time + days * DAY_MS).toISOString().slice(0, 10);
}

function later(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a > b ? a : b;
}

function earlier(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a < b ? a : b;
}

interface ContactPlan {
  followUp: FollowUp;
  by: string;
  today: CalendarDate;
  employerName: string;
  employerCity: string;
}

/** The contacts of one follow-up, oldest first, as its fate plays out up to today. */
function planContacts(random: SeededRandom, fate: Fate, index: number, plan: ContactPlan): Contact[] {
  const { followUp, today } = plan;
  const handedOverOn = followUp.handedOverOn;
  const due = CONTACT_DAYS.map((day) => plusDays(handedOverOn, day)).filter((date) => date <= today);
  if (due.length === 0) return [];
  // The point at which the fate shows: the first for a recent batch, any for an older one.
  const turn = random.int(0, due.length - 1);
  // Leave the newest point open for some: overdue (or due today) on the workspace's list.
  const leaveOpen = index % 4 === 1 || (due.at(-1) === today && index % 3 !== 0);
  const contacts: Contact[] = [];
  let employer: { name: string; city: string; enterpriseId: string | null } = {
    name: plan.employerName,
    city: plan.employerCity,
    enterpriseId: followUp.enterpriseId,
  };
  let gone = false;
  let looking = false;
  const add = (date: CalendarDate, outcome: ContactOutcome, fields: Partial<Contact> = {}): Contact => {
    const withDifficulty = outcome === 'in-post' && random.chance(0.2);
    const [difficulties, needs, action] = withDifficulty ? random.pick(DIFFICULTIES) : ['', [], ''];
    const contact: Contact = {
      id: random.uuid(),
      followUpId: followUp.id,
      workerId: followUp.workerId,
      createdAt: `${date}T00:00:00.000Z`,
      updatedAt: `${date}T00:00:00.000Z`,
      demo: true,
      date,
      method: random.weightedPick([
        ['phone', 60],
        ['wechat', 20],
        ['liaison-station', 8],
        ['enterprise', 7],
        ['visit', 5],
      ] as const),
      by: plan.by,
      outcome,
      enterpriseId: employer.enterpriseId,
      employerName: employer.name,
      employerCity: employer.city,
      startedOn: null,
      leftOn: null,
      leftReason: '',
      monthlyIncome: outcome === 'in-post' && random.chance(0.7) ? random.int(35, 72) * 100 : null,
      difficulties,
      needs: [...needs],
      action,
      // A worker with unpaid wages is called again in a week.
      nextDate: needs.includes('rights') ? plusDays(date, 7) : null,
      ...fields,
    };
    contacts.push(contact);
    return contact;
  };
  for (const [point, dueOn] of due.entries()) {
    if (gone) break;
    if (point === due.length - 1 && leaveOpen) break;
    const previous = contacts.at(-1)?.date ?? handedOverOn;
    const date = earlier(today, later(plusDays(previous, 1), plusDays(dueOn, random.int(-3, 4))));
    if (date <= previous) break;
    if (looking) {
      // Still looking, or found work: a new employer from the day they started.
      if (random.chance(0.5)) {
        add(date, 'left-looking', { needs: ['change-job'], action: '已推荐到驻外工作站登记求职' });
      } else {
        const next = newEmployer(random);
        employer = { name: next.name, city: next.city, enterpriseId: null };
        add(date, 'in-post', {
          startedOn: later(plusDays(previous, 1), plusDays(date, -random.int(1, 10))),
        });
        looking = false;
      }
      continue;
    }
    if (point !== turn || fate === 'stays') {
      add(date, 'in-post');
      continue;
    }
    const leftOn = later(plusDays(previous, 1), plusDays(date, -random.int(3, 15)));
    switch (fate) {
      case 'changes': {
        const next = newEmployer(random);
        const startedOn = earlier(date, plusDays(leftOn, random.int(1, 5)));
        employer = { name: next.name, city: next.city, enterpriseId: null };
        add(date, 'changed-job', {
          enterpriseId: null,
          employerName: next.name,
          employerCity: next.city,
          startedOn,
          leftOn: earlier(leftOn, startedOn),
          leftReason: random.pick(LEFT_REASONS),
        });
        break;
      }
      case 'leaves':
        add(date, 'left-looking', {
          leftOn,
          leftReason: random.pick(LEFT_REASONS),
          needs: ['change-job'],
          action: '已推荐到驻外工作站登记求职',
        });
        employer = { name: '', city: '', enterpriseId: null };
        looking = true;
        break;
      case 'home':
        add(date, 'returned-home', { leftOn, leftReason: random.pick(HOME_REASONS) });
        gone = true;
        break;
      case 'unreachable': {
        add(date, 'unreachable', { monthlyIncome: null, action: '电话关机，已留言' });
        // Tried again after three days, when that day has come.
        const retry = plusDays(date, 3 + random.int(0, 2));
        if (retry <= today && index % 2 === 0) add(retry, 'in-post');
        break;
      }
    }
  }
  return contacts;
}

/**
 * A correction of the newest contact (a wrong outcome typed, then put right): the original kept,
 * superseded and soft-deleted; the correction in its place. Only for a contact before today, so the
 * correction's own time is never ahead of the clock.
 */
function correctNewest(random: SeededRandom, contacts: Contact[], today: CalendarDate): void {
  const original = contacts.at(-1);
  if (!original || original.outcome !== 'in-post' || original.date >= today) return;
  const corrected: Contact = {
    ...original,
    id: random.uuid(),
    createdAt: `${original.date}T01:00:00.000Z`,
    updatedAt: `${original.date}T01:00:00.000Z`,
    correctsId: original.id,
    correctionReason: '录入时选错了结果，本人仍在岗',
  };
  const wrong: Contact = {
    ...original,
    outcome: 'left-looking',
    leftOn: original.date,
    leftReason: '（误录）',
    monthlyIncome: null,
    supersededById: corrected.id,
    deletedAt: corrected.createdAt,
    updatedAt: corrected.createdAt,
  };
  contacts.splice(-1, 1, wrong, corrected);
}

export interface FollowUpInput {
  random: SeededRandom;
  route: Route;
  enterprises: readonly Enterprise[];
  closedEnterpriseIds: ReadonlySet<string>;
  workers: Worker[];
  households: readonly (readonly number[])[];
  today: CalendarDate;
  stamp: RecordStamp;
}

/** Builds the past batches and their follow-up records; updates the workers' statuses. */
export function makeFollowUps(input: FollowUpInput): DemoFollowUps {
  const { random, route, workers, households, today, stamp } = input;
  const office: DemoOffice = {
    staff: Array.from({ length: 5 }, (_, index) => ({
      id: `${DEMO_OFFICE_ID_PREFIX}${random.uuid()}`,
      name: makePersonName(random, index % 2 === 0 ? 'female' : 'male'),
      phone: makeMobile(random),
      // One has moved to other work: kept, since old contacts name them.
      active: index !== 4,
    })),
    liaisonStations: [
      { id: `${DEMO_OFFICE_ID_PREFIX}${random.uuid()}`, name: '百色市驻广州劳务工作站', city: '广州市' },
      { id: `${DEMO_OFFICE_ID_PREFIX}${random.uuid()}`, name: '百色市驻深圳劳务工作站', city: '深圳市' },
    ],
  };
  // Names must be unique in the staff list.
  const names = new Set<string>();
  for (const member of office.staff) {
    while (names.has(member.name)) member.name = makePersonName(random, 'female');
    names.add(member.name);
  }
  const active = office.staff.filter((member) => member.active);
  const result: DemoFollowUps = {
    batches: [],
    assignments: [],
    arrivals: [],
    handovers: [],
    followUps: [],
    contacts: [],
    employmentPeriods: [],
    office,
  };
  const enterpriseById = new Map(input.enterprises.map((enterprise) => [enterprise.id, enterprise]));
  const perBatch = Math.min(250, Math.floor(workers.length * 0.04));
  if (perBatch === 0) return result;
  const plates = new Set<string>();
  // Households from the end of the roster, so they are not the ones the coming batches take.
  let cursor = households.length - 1;
  let fateIndex = 0;

  for (const [batchIndex, daysAgo] of PAST_BATCH_DAYS.entries()) {
    const date = plusDays(today, -daysAgo);
    const passengers: Worker[] = [];
    while (passengers.length < perBatch && cursor >= 0) {
      const household = households[cursor] ?? [];
      cursor -= 1;
      const travellers = household
        .map((index) => workers[index])
        .filter((worker): worker is Worker => worker !== undefined);
      const fit = travellers.every(
        (worker) =>
          worker.status === 'registered' &&
          worker.enterpriseId !== null &&
          !input.closedEnterpriseIds.has(worker.enterpriseId),
      );
      if (travellers.length === 0 || !fit || passengers.length + travellers.length > perBatch) continue;
      passengers.push(...travellers);
    }
    if (passengers.length === 0) break;
    const plan: BatchPlan = {
      name: `百色—广州/深圳 点对点专列（${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日）`,
      date,
      status: 'handed-over',
      passengers: passengers.length,
      trainKind: 'train-second-class',
      escortShare: 1,
      notes: '',
    };
    const batch = buildBatch(random, route, plan, passengers, plates, stamp);
    result.batches.push(batch);
    const recorder = office.staff[batchIndex % office.staff.length]?.name ?? '';

    for (const leg of route.legs) {
      const arrivedAt = beijingTimestamp(date, leg.departureMinutes + leg.durationMinutes + random.int(0, 25));
      result.arrivals.push({
        id: random.uuid(),
        createdAt: arrivedAt,
        updatedAt: arrivedAt,
        demo: true,
        batchId: batch.id,
        legId: leg.id,
        arrivedAt,
        place: leg.to,
        recordedBy: recorder,
        note: '',
      });
    }

    // The passengers by enterprise, in the order they boarded.
    const byEnterprise = new Map<string, Worker[]>();
    for (const worker of passengers) {
      const list = byEnterprise.get(worker.enterpriseId ?? '') ?? [];
      list.push(worker);
      byEnterprise.set(worker.enterpriseId ?? '', list);
    }
    let exceptionCount = 0;
    let handoverIndex = 0;
    for (const [enterpriseId, group] of byEnterprise) {
      const enterprise = enterpriseById.get(enterpriseId);
      if (!enterprise) continue;
      const handedOverAt = beijingTimestamp(date, 18 * 60 + handoverIndex * 10 + random.int(0, 9));
      handoverIndex += 1;
      // Two passengers of each batch are not handed over, each for a reason.
      const exceptions: HandoverException[] = [];
      if (group.length > 1 && exceptionCount < 2) {
        const worker = group.at(-1);
        const [reason, note] = EXCEPTIONS[(batchIndex * 2 + exceptionCount) % EXCEPTIONS.length] ?? [
          'other',
          '其他原因',
        ];
        if (worker) exceptions.push({ workerId: worker.id, reason, note });
        exceptionCount += 1;
      }
      const excepted = new Set(exceptions.map((exception) => exception.workerId));
      const handedOver = group.filter((worker) => !excepted.has(worker.id));
      const handover: Handover = {
        id: random.uuid(),
        createdAt: handedOverAt,
        updatedAt: handedOverAt,
        demo: true,
        batchId: batch.id,
        enterpriseId,
        receiverName: enterprise.contactName,
        receiverPhone: enterprise.contactPhone,
        handedOverAt,
        place: enterprise.handoverPoint,
        workerIds: handedOver.map((worker) => worker.id),
        exceptions,
        recordedBy: recorder,
        note: '',
      };
      result.handovers.push(handover);
      const handedOverOn = beijingCalendarDate(handedOverAt);
      const station = office.liaisonStations.find((candidate) => candidate.city === enterprise.city) ?? null;

      for (const worker of group) {
        const boarded = !exceptions.some(
          (exception) => exception.workerId === worker.id && exception.reason === 'did-not-board',
        );
        result.assignments.push({
          id: random.uuid(),
          ...stamp,
          batchId: batch.id,
          workerId: worker.id,
          seats: [],
          boarding: boarded ? 'boarded' : 'absent',
        });
        worker.status = 'assigned';
      }
      for (const worker of handedOver) {
        const index = fateIndex;
        fateIndex += 1;
        const fate = FATES[index % FATES.length] ?? 'stays';
        // Most follow-ups have a member of staff; a few wait to be assigned.
        const staff = index % 7 === 3 ? null : (active[index % active.length] ?? null);
        const followUp: FollowUp = {
          id: random.uuid(),
          createdAt: handedOverAt,
          updatedAt: handedOverAt,
          demo: true,
          workerId: worker.id,
          batchId: batch.id,
          handoverId: handover.id,
          enterpriseId,
          handedOverOn,
          staffId: staff?.id ?? null,
          stationId: station?.id ?? null,
          nextDue: null,
          lastContactOn: null,
          lastOutcome: null,
        };
        const contacts = planContacts(random, fate, index, {
          followUp,
          by: staff?.name ?? recorder,
          today,
          employerName: enterprise.name,
          employerCity: enterprise.city,
        });
        if (index % 23 === 4) correctNewest(random, contacts, today);
        const live = contacts.filter((contact) => !contact.deletedAt);
        const newest = live.at(-1);
        followUp.nextDue = contactSchedule(handedOverOn, live, CONTACT_DAYS).nextDue;
        followUp.lastContactOn = newest?.date ?? null;
        followUp.lastOutcome = newest?.outcome ?? null;
        if (newest) followUp.updatedAt = newest.updatedAt;
        result.followUps.push(followUp);
        result.contacts.push(...contacts);
        const periods = derivePeriods(
          { enterpriseId, employerName: enterprise.name, employerCity: enterprise.city, handedOverOn },
          live,
        );
        periods.forEach((period, n) =>
          result.employmentPeriods.push({
            id: `${followUp.id}:${n + 1}`,
            ...stamp,
            followUpId: followUp.id,
            workerId: worker.id,
            ...period,
          }),
        );
        // The worker's status as the newest contact that reached them leaves it.
        const told = live.filter((contact) => contact.outcome !== 'unreachable').at(-1);
        worker.status = !told || told.outcome === 'in-post' || told.outcome === 'changed-job' ? 'onboarded' : 'left';
      }
    }
  }
  return result;
}

/**
 * A demo data set: workers from the 12 counties of Baise, receiving enterprises in Guangzhou and
 * Shenzhen with their openings, the Baise–Guangzhou/Shenzhen route and two upcoming batches.
 * Every identity number passes its own check, so the demo exercises the same validation as real
 * rosters. The output depends only on the options (never on the clock or Math.random), so a
 * seed names one data set on every PC, in tests and in benchmarks.
 */
import { addCalendarDays, calendarDaysBetween, isCalendarDate, subtractCalendarYears } from '../dates';
import { CREDIT_CODE_ALPHABET, creditCodeCheckChar } from '../domain/credit-code';
import type {
  Agency,
  Arrival,
  Assignment,
  Batch,
  Contact,
  EmploymentPeriod,
  FollowUp,
  Handover,
  Introduction,
  BatchLeg,
  BatchStatus,
  CalendarDate,
  Enterprise,
  Gender,
  GenderRequirement,
  Leg,
  Opening,
  PovertyStatus,
  Route,
  Timestamp,
  Vehicle,
  VehicleKind,
  Worker,
} from '../domain/records';
import { residentIdCheckChar } from '../domain/resident-id';
import { DEFAULT_SETTINGS } from '../domain/records';
import { TYPICAL_SEAT_COUNTS, defaultReservedSeats, vehicleCapacity } from '../seating';
import { makeDottedName, makePersonName, makeRareCharName, pickSurname } from './names';
import { DEMO_COUNTIES, DEMO_DISTRICTS, makeVillageNames } from './places';
import type { DemoCounty, DemoDistrict } from './places';
import { createRandom } from './random';
import { makeFollowUps, type DemoOffice } from './make-follow-ups';
import { makeAgencies } from './make-agencies';
import type { Seed, SeededRandom } from './random';

/** The default "today" of a demo set, so that its ages and batch dates do not move with the clock. */
export const DEFAULT_DEMO_TODAY: CalendarDate = '2026-02-10';
export const DEMO_MIN_AGE = 18;
export const DEMO_MAX_AGE = 60;

export interface DemoDataOptions {
  seed: Seed;
  /** Number of workers, 0 or more. */
  workers: number;
  /** The date the data set is "as of" (yyyy-MM-dd): ages count to it, batches leave after it. */
  today?: CalendarDate;
}

export interface DemoData {
  workers: Worker[];
  enterprises: Enterprise[];
  openings: Opening[];
  routes: Route[];
  batches: Batch[];
  assignments: Assignment[];
  /** The past batches' arrivals, handovers and follow-up records (make-follow-ups.ts, issue 17). */
  arrivals: Arrival[];
  handovers: Handover[];
  followUps: FollowUp[];
  contacts: Contact[];
  employmentPeriods: EmploymentPeriod[];
  /** HR service agencies with bank accounts, and their introductions of handed-over workers (make-agencies.ts, issue 18). */
  agencies: Agency[];
  introductions: Introduction[];
  /** The office's follow-up staff and liaison stations, for the settings (not records of their own). */
  office: DemoOffice;
}

export interface RecordStamp {
  createdAt: Timestamp;
  updatedAt: Timestamp;
  demo: true;
}

// ---------------------------------------------------------------------------------------------
// Enterprises and openings

const TRADE_NAME_CHARS = Array.from('穗粤华鹏创兴达联信力恒佳通宏泰新盛富嘉源科安骏立瑞景云海丰');
const CREDIT_CODE_CHARS = Array.from(CREDIT_CODE_ALPHABET);
const ORDINARY_INDUSTRIES =
  '电子科技 精密制造 服装 食品 塑胶制品 五金制品 物流 汽车零部件 家具 智能科技 光电科技 包装材料 电器'.split(' ');
/** Lines of business of key enterprises for epidemic-prevention supplies (重点防疫物资生产企业). */
const KEY_INDUSTRIES = ['医疗器械', '防护用品', '卫生用品', '医用材料', '消毒用品'];
const HR_AGENCIES = [
  '广州市穗桂人力资源服务有限公司',
  '深圳市鹏桂人力资源服务有限公司',
  '百色市右江劳务人力资源服务有限公司',
  '广西桂粤人力资源服务有限公司',
];
const HANDOVER_POINTS = ['厂区东门保安室', '厂区南门保安室', '行政楼一楼大厅', '员工宿舍A栋楼下', '北门停车场'];

interface PositionTemplate {
  position: string;
  wage: readonly [number, number];
  ages: readonly [number, number];
  gender: GenderRequirement;
  requirements: string;
  /** Only key enterprises (epidemic-prevention supplies) offer it. */
  keyOnly?: boolean;
}

const POSITIONS: readonly PositionTemplate[] = [
  {
    position: '普工',
    wage: [4200, 5500],
    ages: [18, 45],
    gender: 'any',
    requirements: '吃苦耐劳，服从安排，能适应两班倒',
  },
  {
    position: '操作工',
    wage: [4500, 6000],
    ages: [18, 45],
    gender: 'any',
    requirements: '能适应夜班，有工厂经验优先',
  },
  {
    position: '电子装配工',
    wage: [4500, 6200],
    ages: [18, 40],
    gender: 'any',
    requirements: '视力良好，手脚灵活',
  },
  {
    position: '质检员',
    wage: [4800, 6500],
    ages: [18, 40],
    gender: 'female',
    requirements: '初中以上文化，视力良好',
  },
  {
    position: '仓库管理员',
    wage: [4800, 6200],
    ages: [20, 45],
    gender: 'any',
    requirements: '会使用电脑，有仓管经验优先',
  },
  { position: '叉车司机', wage: [5800, 7500], ages: [20, 50], gender: 'male', requirements: '持有效叉车证' },
  {
    position: '搬运工',
    wage: [5000, 6800],
    ages: [18, 50],
    gender: 'male',
    requirements: '身体健康，能吃苦',
  },
  {
    position: '缝纫工',
    wage: [5000, 8000],
    ages: [18, 50],
    gender: 'female',
    requirements: '熟练使用平车，计件工资',
  },
  {
    position: '包装工',
    wage: [4000, 5200],
    ages: [18, 55],
    gender: 'any',
    requirements: '手脚麻利，服从安排',
  },
  {
    position: '保洁员',
    wage: [3500, 4300],
    ages: [30, 60],
    gender: 'any',
    requirements: '身体健康，责任心强',
  },
  { position: '机修工', wage: [6000, 9000], ages: [22, 50], gender: 'male', requirements: '有设备维修经验' },
  { position: '厨工', wage: [4000, 5000], ages: [25, 55], gender: 'any', requirements: '持健康证' },
  {
    position: '口罩生产线操作工',
    wage: [5000, 7000],
    ages: [18, 50],
    gender: 'any',
    requirements: '服从安排，能适应两班倒，包吃住',
    keyOnly: true,
  },
  {
    position: '防护服车缝工',
    wage: [5200, 7500],
    ages: [18, 50],
    gender: 'female',
    requirements: '会使用平车，计件工资，包吃住',
    keyOnly: true,
  },
  {
    position: '消毒液灌装工',
    wage: [4800, 6000],
    ages: [18, 55],
    gender: 'any',
    requirements: '包吃住',
    keyOnly: true,
  },
];

/** Digit or letter value in the GB 11714 organization code: 0-9, then A = 10 ... Z = 35. */
function organizationCodeValue(char: string): number {
  return Number.parseInt(char, 36);
}

/** Check character of a GB 11714 organization code body (8 characters). */
function organizationCodeCheckChar(body: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < weights.length; i += 1) sum += organizationCodeValue(body.charAt(i)) * (weights[i] ?? 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/**
 * 91 (registered by market regulation, an enterprise) + district code + organization code + check.
 * Codes issued since 2015 carry an MA... organization code; older firms kept their digits.
 */
function makeCreditCode(random: SeededRandom, district: DemoDistrict): string {
  let body = '';
  if (random.chance(0.55)) {
    body = 'MA';
    for (let i = 0; i < 6; i += 1) body += random.pick(CREDIT_CODE_CHARS);
  } else {
    for (let i = 0; i < 8; i += 1) body += String(random.int(i === 0 ? 1 : 0, 9));
  }
  const first17 = `91${district.code}${body}${organizationCodeCheckChar(body)}`;
  return `${first17}${creditCodeCheckChar(first17)}`;
}

/** 广州市 + a two-character trade name (字号) + line of business + 有限公司. */
function makeEnterpriseName(random: SeededRandom, district: DemoDistrict, industry: string): string {
  const first = random.pick(TRADE_NAME_CHARS);
  let second = random.pick(TRADE_NAME_CHARS);
  while (second === first) second = random.pick(TRADE_NAME_CHARS);
  return `${district.city}${first}${second}${industry}有限公司`;
}

function roundTo(value: number, step: number): number {
  return Math.round(value / step) * step;
}

function makeEnterprises(
  random: SeededRandom,
  count: number,
  stamp: RecordStamp,
): { enterprises: Enterprise[]; openings: Opening[] } {
  const names = new Set<string>();
  const creditCodes = new Set<string>();
  // Exactly a third are key enterprises, so that subsidy reports always have something to show.
  const keyFlags = random.shuffle(Array.from({ length: count }, (_, i) => i < Math.round(count / 3)));
  const enterprises: Enterprise[] = [];
  const openings: Opening[] = [];

  for (let i = 0; i < count; i += 1) {
    const isKeyEnterprise = keyFlags[i] ?? false;
    const district = random.pick(DEMO_DISTRICTS);
    const industry = random.pick(isKeyEnterprise ? KEY_INDUSTRIES : ORDINARY_INDUSTRIES);
    let name = makeEnterpriseName(random, district, industry);
    while (names.has(name)) name = makeEnterpriseName(random, district, industry);
    names.add(name);

    let creditCode = makeCreditCode(random, district);
    while (creditCodes.has(creditCode)) creditCode = makeCreditCode(random, district);
    creditCodes.add(creditCode);

    const enterprise: Enterprise = {
      id: random.uuid(),
      ...stamp,
      name,
      creditCode,
      city: district.city,
      district: district.name,
      address: `${district.city}${district.name}${random.pick(district.roads)}${random.int(1, 399)}号`,
      contactName: makePersonName(random, random.chance(0.6) ? 'female' : 'male'),
      contactPhone: makeMobile(random),
      handoverPoint: random.pick(HANDOVER_POINTS),
      resumptionStatus: random.weightedPick([
        ['resumed', 70],
        ['partly-resumed', 25],
        ['not-resumed', 5],
      ] as const),
      isKeyEnterprise,
      hrAgency: random.chance(isKeyEnterprise ? 0.5 : 0.25) ? random.pick(HR_AGENCIES) : '',
      notes: '',
    };
    enterprises.push(enterprise);

    const templates = random.shuffle(POSITIONS.filter((template) => isKeyEnterprise || !template.keyOnly));
    if (isKeyEnterprise) {
      // Key enterprises recruit for their prevention-supplies line first.
      templates.sort((a, b) => Number(b.keyOnly ?? false) - Number(a.keyOnly ?? false));
    }
    if (i % 4 === 0) {
      // Some openings must take workers up to 60, or nobody over 55 would ever be matched.
      const upToSixty = templates.findIndex((template) => template.ages[1] >= DEMO_MAX_AGE);
      if (upToSixty > 0) templates.unshift(...templates.splice(upToSixty, 1));
    }
    const openingCount = random.int(2, 4);
    for (const template of templates.slice(0, openingCount)) {
      const wageShift = roundTo(random.int(-300, 500), 100);
      openings.push({
        id: random.uuid(),
        ...stamp,
        enterpriseId: enterprise.id,
        position: template.position,
        headcount: roundTo(random.int(20, 200), 10),
        wageMin: template.wage[0] + wageShift,
        wageMax: template.wage[1] + wageShift,
        ageMin: template.ages[0],
        ageMax: template.ages[1],
        genderRequirement: template.gender,
        requirements: template.requirements,
      });
    }
  }
  return { enterprises, openings };
}

// ---------------------------------------------------------------------------------------------
// Workers

/** Real mobile number segments of the three carriers. */
const MOBILE_PREFIXES = [
  ...['130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '147', '150', '151', '152'],
  ...['153', '155', '156', '157', '158', '159', '166', '172', '173', '175', '176', '177', '178', '180'],
  ...['181', '182', '183', '184', '185', '186', '187', '188', '189', '191', '193', '195', '198', '199'],
];

export function makeMobile(random: SeededRandom): string {
  return `${random.pick(MOBILE_PREFIXES)}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
}

const SKILLS =
  '电子装配 电焊 叉车驾驶 缝纫 电工 砌筑 钢筋工 木工 质检 包装 注塑 数控车床 B2驾驶 家政 养老护理 中式烹调 汽车维修'.split(
    ' ',
  );
const SKILL_COUNT_WEIGHTS = [
  [0, 30],
  [1, 45],
  [2, 20],
  [3, 5],
] as const;
const WANTED_JOBS = '普工 操作工 电子厂普工 质检员 仓管员 包装工 叉车司机 缝纫工 保安 厨工 保洁员 电工'.split(' ');
const WORKER_NOTES = [
  '首次外出务工',
  '与同村工友同行',
  '需联系村委确认体检时间',
  '有叉车证，已核验',
  '家中有老人需照顾，希望月底返乡探亲',
];

interface CountyPlaces {
  county: DemoCounty;
  villagesByTownship: string[][];
}

/** Openings that take a worker of this gender and age, by gender then age, so matching is O(1). */
function indexOpeningsByFit(openings: readonly Opening[]): Record<Gender, Opening[][]> {
  const index: Record<Gender, Opening[][]> = { male: [], female: [] };
  for (const gender of ['male', 'female'] as const) {
    for (let age = 0; age <= DEMO_MAX_AGE; age += 1) index[gender].push([]);
    for (const opening of openings) {
      if (opening.genderRequirement !== 'any' && opening.genderRequirement !== gender) continue;
      for (let age = Math.max(opening.ageMin, DEMO_MIN_AGE); age <= Math.min(opening.ageMax, DEMO_MAX_AGE); age += 1) {
        index[gender][age]?.push(opening);
      }
    }
  }
  return index;
}

interface WorkerDraft {
  gender: Gender;
  age: number;
  surname: string | null;
}

/**
 * The people of one household: a single worker, or a householder with a spouse and/or grown
 * children who travel together. Parents are at least 20 years older than their children.
 */
function planHousehold(random: SeededRandom, size: number): WorkerDraft[] {
  const headGender: Gender = random.chance(0.58) ? 'male' : 'female';
  if (size === 1) {
    const age = random.chance(0.7) ? random.int(DEMO_MIN_AGE, 45) : random.int(46, DEMO_MAX_AGE);
    return [{ gender: headGender, age, surname: null }];
  }
  const withSpouse = size > 2 || random.chance(0.5);
  const withChildren = size > (withSpouse ? 2 : 1);
  const parentMinAge = withChildren ? DEMO_MIN_AGE + 21 : 22;
  const headAge = random.int(withChildren ? parentMinAge + 3 : parentMinAge, DEMO_MAX_AGE);
  const headSurname = pickSurname(random);
  const members: WorkerDraft[] = [{ gender: headGender, age: headAge, surname: headSurname }];
  let childSurname = headSurname;
  if (withSpouse) {
    const spouseSurname = pickSurname(random);
    const spouseAge = Math.min(DEMO_MAX_AGE, Math.max(parentMinAge, headAge + random.int(-3, 3)));
    members.push({
      gender: headGender === 'male' ? 'female' : 'male',
      age: spouseAge,
      surname: spouseSurname,
    });
    if (headGender === 'female') childSurname = spouseSurname;
  }
  const youngestParent = Math.min(...members.map((member) => member.age));
  while (members.length < size) {
    const age = random.int(DEMO_MIN_AGE, youngestParent - 20);
    members.push({ gender: random.chance(0.55) ? 'male' : 'female', age, surname: childSurname });
  }
  return members;
}

interface WorkersResult {
  workers: Worker[];
  /** Indexes into `workers`, one list per household. */
  households: number[][];
}

function makeWorkers(
  random: SeededRandom,
  count: number,
  today: CalendarDate,
  places: readonly CountyPlaces[],
  openings: readonly Opening[],
  stamp: RecordStamp,
): WorkersResult {
  // Birth dates for an age A lie in (today - (A + 1) years, today - A years]: the first day, and how many.
  const birthDayRanges: (readonly [CalendarDate, number])[] = [];
  for (let age = 0; age <= DEMO_MAX_AGE; age += 1) {
    const first = addCalendarDays(subtractCalendarYears(today, age + 1), 1);
    birthDayRanges.push([first, calendarDaysBetween(first, subtractCalendarYears(today, age))]);
  }
  const openingFits = indexOpeningsByFit(openings);
  const countyWeights = places.map((place) => [place, place.county.weight] as const);
  const povertyWeights = [
    ['registered-poor', 45],
    ['relatively-poor', 15],
    ['none', 40],
  ] as const;

  const residentIds = new Set<string>();
  const phones = new Set<string>();
  const householdSerials = new Map<string, number>();
  let nextRareName = 13;
  let nextDottedName = 41;
  const workers: Worker[] = [];
  const households: number[][] = [];

  const uniquePhone = (): string => {
    let phone = makeMobile(random);
    while (phones.has(phone)) phone = makeMobile(random);
    phones.add(phone);
    return phone;
  };

  const uniqueResidentId = (countyCode: string, gender: Gender, age: number): { id: string; birthDate: string } => {
    const [firstDay, span] = birthDayRanges[age] ?? [today, 0];
    for (;;) {
      const birthDate = addCalendarDays(firstDay, random.int(0, span));
      // Odd sequence numbers are men's, even are women's; 000 is never issued.
      const sequence = gender === 'male' ? random.int(0, 499) * 2 + 1 : random.int(1, 499) * 2;
      const first17 = `${countyCode}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
      const id = `${first17}${residentIdCheckChar(first17)}`;
      if (!residentIds.has(id)) {
        residentIds.add(id);
        return { id, birthDate };
      }
    }
  };

  while (workers.length < count) {
    const size = Math.min(count - workers.length, random.chance(0.3) ? random.int(2, 4) : 1);
    const { county, villagesByTownship } = random.weightedPick(countyWeights);
    const townshipIndex = random.int(0, county.townships.length - 1);
    const township = county.townships[townshipIndex] ?? '';
    const village = random.pick(villagesByTownship[townshipIndex] ?? ['']);
    const serial = (householdSerials.get(county.code) ?? 0) + 1;
    householdSerials.set(county.code, serial);
    // A household number (户编号) unique in the data set: county code and a serial.
    const household = `${county.code}${String(serial).padStart(6, '0')}`;
    const povertyStatus: PovertyStatus = random.weightedPick(povertyWeights);

    const memberIndexes: number[] = [];
    let householdEnterpriseId: string | null = null;
    for (const draft of planHousehold(random, size)) {
      const index = workers.length;
      let name: string;
      // Spaced out on a fixed rhythm so that even a small demo set has a few of each.
      if (draft.surname === null && index >= nextDottedName) {
        name = makeDottedName(random, draft.gender);
        nextDottedName += 211;
      } else if (index >= nextRareName) {
        name = makeRareCharName(random, draft.gender, draft.surname ?? undefined);
        nextRareName += 97;
      } else {
        name = makePersonName(random, draft.gender, draft.surname ?? undefined);
      }
      const { id: residentId, birthDate } = uniqueResidentId(county.code, draft.gender, draft.age);

      let enterpriseId: string | null = null;
      let openingId: string | null = null;
      if (random.chance(0.6)) {
        const fits = openingFits[draft.gender][draft.age] ?? [];
        if (fits.length > 0) {
          // Families usually go to the factory where one of them was hired first (and then sit together).
          const opening =
            fits.find((candidate) => candidate.enterpriseId === householdEnterpriseId) ?? random.pick(fits);
          enterpriseId = opening.enterpriseId;
          openingId = opening.id;
          householdEnterpriseId ??= enterpriseId;
        }
      }

      const skills: string[] = [];
      const skillCount = random.weightedPick(SKILL_COUNT_WEIGHTS);
      while (skills.length < skillCount) {
        const skill = random.pick(SKILLS);
        if (!skills.includes(skill)) skills.push(skill);
      }

      workers.push({
        id: random.uuid(),
        ...stamp,
        name,
        residentId,
        phone: uniquePhone(),
        gender: draft.gender,
        birthDate,
        county: county.name,
        countyCode: county.code,
        township,
        village,
        household,
        povertyStatus,
        skills,
        wantedJob: random.pick(WANTED_JOBS),
        emergencyContactName: '',
        emergencyContactPhone: '',
        enterpriseId,
        openingId,
        status: 'registered',
        notes: random.chance(0.03) ? random.pick(WORKER_NOTES) : '',
      });
      memberIndexes.push(index);
    }

    // Within a household the householder is everyone's emergency contact, and the householder's is
    // the spouse (or the next member); a worker alone gives a relative who stays at home.
    const [headIndex, ...others] = memberIndexes;
    const head = headIndex === undefined ? undefined : workers[headIndex];
    if (head) {
      const contactForHead = others[0] === undefined ? undefined : workers[others[0]];
      if (contactForHead) {
        head.emergencyContactName = contactForHead.name;
        head.emergencyContactPhone = contactForHead.phone;
      } else {
        // Usually a parent or sibling, who shares the surname; a Uyghur-pattern name has no surname to share.
        const sameSurname = random.chance(0.7) && !head.name.includes('·') ? Array.from(head.name)[0] : undefined;
        head.emergencyContactName = makePersonName(random, random.chance(0.5) ? 'male' : 'female', sameSurname);
        let phone = makeMobile(random);
        while (phone === head.phone) phone = makeMobile(random);
        head.emergencyContactPhone = phone;
      }
      for (const otherIndex of others) {
        const member = workers[otherIndex];
        if (!member) continue;
        member.emergencyContactName = head.name;
        member.emergencyContactPhone = head.phone;
      }
    }
    households.push(memberIndexes);
  }
  return { workers, households };
}

// ---------------------------------------------------------------------------------------------
// Route

const COACH_SEAT_CHOICES = [45, 47, 49, 51, 53, 55];

function makeRoute(random: SeededRandom, enterprises: readonly Enterprise[], stamp: RecordStamp): Route {
  const destinationDistricts = [
    ...new Set(enterprises.map((enterprise) => `${enterprise.city}${enterprise.district}`)),
  ];
  const legs: Leg[] = [
    {
      id: random.uuid(),
      mode: 'coach',
      from: '各县（市、区）集合点',
      to: '百色站',
      departureMinutes: 5 * 60 + 30,
      durationMinutes: 150,
      distanceKm: 120,
      stops: DEMO_COUNTIES.map((county) => county.pickupPlace),
    },
    {
      id: random.uuid(),
      mode: 'train',
      from: '百色站',
      to: '广州南站',
      departureMinutes: 9 * 60,
      durationMinutes: 330,
      distanceKm: 800,
      stops: ['南宁东站'],
    },
    {
      id: random.uuid(),
      mode: 'coach',
      from: '广州南站',
      to: '各接收企业',
      departureMinutes: 15 * 60,
      durationMinutes: 150,
      distanceKm: 110,
      stops: destinationDistricts,
    },
  ];
  return {
    id: random.uuid(),
    ...stamp,
    name: '百色—广州/深圳 点对点专列',
    legs,
    pickupPoints: DEMO_COUNTIES.map((county) => ({
      id: random.uuid(),
      county: county.name,
      place: county.pickupPlace,
      minutesBeforeDeparture: county.minutesBeforeDeparture,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Batches and assignments

export interface BatchPlan {
  name: string;
  date: CalendarDate;
  status: BatchStatus;
  passengers: number;
  trainKind: VehicleKind;
  /** Share of the escorts needed (one per vehicle) already named; a draft is still short. */
  escortShare: number;
  notes: string;
}

/** The demo plans at the default epidemic load factor. */
const DEMO_LOAD_FACTOR = DEFAULT_SETTINGS.loadFactor;

/** A vehicle with the default reserved seats: escort and medic at the ends, the last row for isolation. */
function makeVehicle(id: string, kind: VehicleKind, label: string, seatCount: number): Vehicle {
  return { id, kind, label, seatCount, reserved: defaultReservedSeats(kind, seatCount), escortId: null };
}

function makeCoaches(random: SeededRandom, passengers: number, platePrefix: string, plates: Set<string>): Vehicle[] {
  const vehicles: Vehicle[] = [];
  let seated = 0;
  do {
    const seatCount = random.pick(COACH_SEAT_CHOICES);
    const plate = (): string => `${platePrefix}·${String(random.int(10000, 99999))}`;
    let label = plate();
    while (plates.has(label)) label = plate();
    plates.add(label);
    const coach = makeVehicle(random.uuid(), 'coach', label, seatCount);
    vehicles.push(coach);
    seated += vehicleCapacity(coach, DEMO_LOAD_FACTOR);
  } while (seated < passengers);
  return vehicles;
}

/** A batch of the route for `passengers`: vehicles for each leg at the demo's load factor, escorts and medics. */
export function buildBatch(
  random: SeededRandom,
  route: Route,
  plan: BatchPlan,
  passengers: readonly Worker[],
  plates: Set<string>,
  stamp: RecordStamp,
): Batch {
  const [pickupLeg, trainLeg, deliveryLeg] = route.legs;
  if (!pickupLeg || !trainLeg || !deliveryLeg) throw new Error('the demo route has three legs');
  const perCounty = new Map<string, number>();
  for (const worker of passengers) perCounty.set(worker.county, (perCounty.get(worker.county) ?? 0) + 1);
  const pickupCoaches = [...perCounty.values()].flatMap((count) => makeCoaches(random, count, '桂L', plates));
  if (pickupCoaches.length === 0) pickupCoaches.push(...makeCoaches(random, 0, '桂L', plates));

  const carriageSeats = TYPICAL_SEAT_COUNTS[plan.trainKind];
  const carriageCapacity = vehicleCapacity(makeVehicle('probe', plan.trainKind, '01', carriageSeats), DEMO_LOAD_FACTOR);
  const carriageCount = Math.max(1, Math.ceil(passengers.length / carriageCapacity));
  const carriages: Vehicle[] = Array.from({ length: carriageCount }, (_, index) =>
    makeVehicle(random.uuid(), plan.trainKind, String(index + 1).padStart(2, '0'), carriageSeats),
  );
  const deliveryCoaches = makeCoaches(random, passengers.length, '粤A', plates);

  const legs: BatchLeg[] = [
    { legId: pickupLeg.id, vehicles: pickupCoaches },
    { legId: trainLeg.id, vehicles: carriages },
    { legId: deliveryLeg.id, vehicles: deliveryCoaches },
  ];
  const vehiclesOnBusiestLeg = Math.max(...legs.map((leg) => leg.vehicles.length));
  const escortCount = Math.max(1, Math.ceil(vehiclesOnBusiestLeg * plan.escortShare));
  const medicCount = Math.max(1, Math.ceil((carriageCount / 3) * plan.escortShare));

  const batch: Batch = {
    id: random.uuid(),
    ...stamp,
    name: plan.name,
    routeId: route.id,
    date: plan.date,
    legs,
    organizer: makePersonName(random, random.chance(0.5) ? 'male' : 'female'),
    escorts: Array.from({ length: escortCount }, () => ({
      id: random.uuid(),
      name: makePersonName(random, random.chance(0.6) ? 'male' : 'female'),
      phone: makeMobile(random),
    })),
    medics: Array.from({ length: medicCount }, () => ({
      id: random.uuid(),
      name: makePersonName(random, random.chance(0.7) ? 'female' : 'male'),
      phone: makeMobile(random),
    })),
    status: plan.status,
    overrides: [],
    notes: plan.notes,
  };
  // One escort per vehicle, as far as the named escorts go: a draft is still short of some.
  for (const leg of batch.legs) {
    leg.vehicles.forEach((vehicle, index) => {
      vehicle.escortId = batch.escorts[index]?.id ?? null;
    });
  }
  return batch;
}

function makeBatches(
  random: SeededRandom,
  route: Route,
  closedEnterpriseIds: ReadonlySet<string>,
  workers: Worker[],
  households: readonly (readonly number[])[],
  today: CalendarDate,
  stamp: RecordStamp,
): { batches: Batch[]; assignments: Assignment[] } {
  const plans: BatchPlan[] = [
    {
      name: '百色—广州/深圳 点对点专列 第一批',
      date: addCalendarDays(today, 5),
      status: 'planned',
      passengers: Math.min(300, Math.floor(workers.length * 0.1)),
      trainKind: 'train-second-class',
      escortShare: 1,
      notes: '',
    },
    {
      name: '百色—广州/深圳 点对点专列 第二批',
      date: addCalendarDays(today, 12),
      status: 'draft',
      passengers: Math.min(200, Math.floor(workers.length * 0.07)),
      trainKind: 'train-hard-seat',
      escortShare: 0.5,
      notes: '车次待铁路部门确认',
    },
  ];

  // Only workers whose receiving enterprise has resumed work travel (统一跟踪服务), and a household
  // travels together.
  const order = random.shuffle(households.map((_, index) => index));
  let cursor = 0;
  const plates = new Set<string>();
  const batches: Batch[] = [];
  const assignments: Assignment[] = [];

  for (const plan of plans) {
    const passengers: Worker[] = [];
    while (passengers.length < plan.passengers && cursor < order.length) {
      const household = households[order[cursor] ?? -1] ?? [];
      cursor += 1;
      const travellers = household
        .map((index) => workers[index])
        .filter(
          (worker): worker is Worker =>
            worker !== undefined && worker.enterpriseId !== null && !closedEnterpriseIds.has(worker.enterpriseId),
        );
      if (travellers.length === 0 || passengers.length + travellers.length > plan.passengers) continue;
      passengers.push(...travellers);
    }

    const batch = buildBatch(random, route, plan, passengers, plates, stamp);
    batches.push(batch);

    for (const worker of passengers) {
      worker.status = 'assigned';
      assignments.push({
        id: random.uuid(),
        ...stamp,
        batchId: batch.id,
        workerId: worker.id,
        seats: [],
        boarding: 'pending',
      });
    }
  }
  return { batches, assignments };
}

// ---------------------------------------------------------------------------------------------

export function demoEnterpriseCount(workers: number): number {
  return Math.min(60, 12 + Math.floor(workers / 5000));
}

/**
 * Builds a demo data set. Each part draws from its own stream of the seed, so a larger worker
 * count keeps the same first enterprises, route and village names.
 */
export function makeDemoData(options: DemoDataOptions): DemoData {
  const today = options.today ?? DEFAULT_DEMO_TODAY;
  if (!isCalendarDate(today)) throw new RangeError(`today must be a yyyy-MM-dd date, got ${JSON.stringify(today)}`);
  if (!Number.isSafeInteger(options.workers) || options.workers < 0) {
    throw new RangeError(`workers must be a whole number of 0 or more, got ${options.workers}`);
  }
  const seed = String(options.seed);
  const stream = (part: string): SeededRandom => createRandom(`${seed}/${part}`);
  // 08:00 in Baise and Guangzhou (UTC+8) on the demo's "today".
  const time = `${today}T00:00:00.000Z`;
  const stamp: RecordStamp = { createdAt: time, updatedAt: time, demo: true };

  const { enterprises, openings } = makeEnterprises(stream('enterprises'), demoEnterpriseCount(options.workers), stamp);

  const villageRandom = stream('villages');
  const places: CountyPlaces[] = DEMO_COUNTIES.map((county) => ({
    county,
    villagesByTownship: county.townships.map(() => makeVillageNames(villageRandom)),
  }));
  const { workers, households } = makeWorkers(stream('workers'), options.workers, today, places, openings, stamp);

  const route = makeRoute(stream('route'), enterprises, stamp);
  const closedEnterpriseIds = new Set(
    enterprises
      .filter((enterprise) => enterprise.resumptionStatus === 'not-resumed')
      .map((enterprise) => enterprise.id),
  );
  const { batches, assignments } = makeBatches(
    stream('batches'),
    route,
    closedEnterpriseIds,
    workers,
    households,
    today,
    stamp,
  );

  // Batches that left weeks and months ago, handed over and followed up since (issue 17).
  const past = makeFollowUps({
    random: stream('follow-ups'),
    route,
    enterprises,
    closedEnterpriseIds,
    workers,
    households,
    today,
    stamp,
  });

  // Agencies that introduced some of the people handed over, so the placement subsidy has someone to pay.
  const { agencies, introductions } = makeAgencies(stream('agencies'), enterprises, past.followUps, stamp);

  // An opening lists at least as many places as the demo has matched workers to it.
  const matched = new Map<string, number>();
  for (const worker of workers) {
    if (worker.openingId !== null) matched.set(worker.openingId, (matched.get(worker.openingId) ?? 0) + 1);
  }
  for (const opening of openings) {
    opening.headcount = Math.max(opening.headcount, roundUpTo(matched.get(opening.id) ?? 0, 10));
  }

  return {
    workers,
    enterprises,
    openings,
    routes: [route],
    // The coming batches first, as before the past ones were added (callers take the first as "the next").
    batches: [...batches, ...past.batches],
    assignments: [...assignments, ...past.assignments],
    arrivals: past.arrivals,
    handovers: past.handovers,
    followUps: past.followUps,
    contacts: past.contacts,
    employmentPeriods: past.employmentPeriods,
    agencies,
    introductions,
    office: past.office,
  };
}

function roundUpTo(value: number, step: number): number {
  return Math.ceil(value / step) * step;
}

/**
 * The columns of a roster: which worker field each header names, in the many ways that cadres'
 * spreadsheets write it, and the words of the files the planner writes (templates, rejected rows,
 * exports) in both languages. The words that the planner writes are also read back, so a file it
 * exported imports again without a mapping step.
 */
import type { Gender, Language, PovertyStatus } from '../domain/records';
import type { WorkerInput } from '../domain/worker-rules';

/** The worker fields a roster may fill, in the order of the template. */
export const ROSTER_FIELDS = [
  'name',
  'residentId',
  'phone',
  'gender',
  'county',
  'township',
  'village',
  'household',
  'povertyStatus',
  'skills',
  'wantedJob',
  'emergencyContactName',
  'emergencyContactPhone',
  'notes',
] as const satisfies readonly (keyof WorkerInput)[];

export type RosterField = (typeof ROSTER_FIELDS)[number];

/** Column index of each recognised field; fields that no column fills are absent. */
export type ColumnMapping = Partial<Record<RosterField, number>>;

/**
 * Header texts per field. The first Chinese and the first English text are the ones the planner
 * writes; all are recognised. Matching goes through {@link normalizeHeader}, so case, spaces,
 * full-width brackets and a required-field mark need not be listed.
 */
export const HEADER_ALIASES: Readonly<Record<RosterField, { 'zh-CN': readonly string[]; en: readonly string[] }>> = {
  name: {
    'zh-CN': ['姓名', '名字', '人员姓名', '劳动力姓名', '务工人员姓名'],
    en: ['Name', 'Full name', 'Worker name'],
  },
  residentId: {
    'zh-CN': [
      '身份证号',
      '身份证号码',
      '身份证',
      '公民身份号码',
      '公民身份证号码',
      '公民身份证号',
      '证件号码',
      '证件号',
      '居民身份证号码',
      '居民身份证号',
    ],
    en: ['Resident ID', 'ID number', 'ID No', 'ID card number', 'ID card', 'Resident ID number', 'Identity number'],
  },
  phone: {
    'zh-CN': [
      '手机号码',
      '联系电话',
      '手机号',
      '手机',
      '电话',
      '电话号码',
      '联系方式',
      '本人电话',
      '本人手机号码',
      '本人联系电话',
      '人联系电话',
    ],
    en: ['Mobile', 'Phone', 'Mobile phone', 'Phone number', 'Mobile number', 'Telephone', 'Tel'],
  },
  gender: {
    'zh-CN': ['性别'],
    en: ['Gender', 'Sex'],
  },
  county: {
    'zh-CN': ['县(区)', '县区', '所属县', '所属县区', '所属县(区)', '县(市、区)', '县(市区)', '区县', '县', '县(市)'],
    en: ['County', 'County/district', 'District'],
  },
  township: {
    'zh-CN': ['乡镇', '乡(镇)', '镇', '乡', '所属乡镇', '乡镇(街道)', '乡(镇、街道)', '街道'],
    en: ['Township', 'Town'],
  },
  village: {
    'zh-CN': ['村', '村(社区)', '行政村', '村委', '村委会', '所属村', '村(居)', '村(屯)', '社区'],
    en: ['Village', 'Village/community'],
  },
  household: {
    'zh-CN': ['户号', '户主', '户主姓名', '户编号', '户籍编号'],
    en: ['Household', 'Household number', 'Householder', 'Household head'],
  },
  povertyStatus: {
    'zh-CN': [
      '是否建档立卡',
      '是否建档立卡贫困户',
      '贫困户类型',
      '是否贫困户',
      '贫困属性',
      '贫困状况',
      '建档立卡',
      '建档立卡贫困户',
    ],
    en: ['Poverty status', 'Poverty', 'Registered poor'],
  },
  skills: {
    'zh-CN': ['技能', '专业技能', '技能特长', '特长', '职业技能'],
    en: ['Skills', 'Skill'],
  },
  wantedJob: {
    'zh-CN': ['求职意向', '意向岗位', '意向工种', '求职岗位', '就业意向', '意向职业'],
    en: ['Wanted job', 'Desired job', 'Job wanted', 'Job preference'],
  },
  emergencyContactName: {
    'zh-CN': ['紧急联系人', '紧急联系人姓名'],
    en: ['Emergency contact', 'Emergency contact name'],
  },
  emergencyContactPhone: {
    'zh-CN': ['紧急联系电话', '紧急联系人电话', '紧急联系人手机', '紧急联系人手机号码'],
    en: ['Emergency phone', 'Emergency contact phone', 'Emergency mobile'],
  },
  notes: {
    'zh-CN': ['备注', '说明'],
    en: ['Notes', 'Note', 'Remarks', 'Comments'],
  },
};

/** Full-width and CJK brackets that Chinese input methods type. */
const BRACKETS: Readonly<Record<string, string>> = {
  '（': '(',
  '）': ')',
  '【': '(',
  '】': ')',
  '［': '(',
  '］': ')',
  '[': '(',
  ']': ')',
  '〔': '(',
  '〕': ')',
};
const BRACKET = /[（）【】［］[\]〔〕]/g;
/** Spaces, line breaks (wrapped header cells), underscores, dashes, dots and colons. */
const SEPARATORS = /[\s_\-.:：·]+/g;
/** How templates mark a required column: a star before or after, or (必填) / (required) at the end. */
const REQUIRED_MARK = /^\*+|\*+$|\((?:必填|必填项|required)\)$/g;
/** A trailing note in brackets: 身份证号(18位), 联系电话(手机). Tried only when the whole text is unknown. */
const TRAILING_NOTE = /\([^()]*\)$/;

/**
 * The text a header is matched by: full-width forms to ASCII, lower case, without spaces and the
 * required mark. Also the key of a remembered mapping, so a choice made for "身份证号 *" holds for
 * "身份证号（必填）" next time.
 */
export function normalizeHeader(text: string): string {
  let key = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    // Full-width ASCII (U+FF01-U+FF5E) and the ideographic space, as in half-width.ts.
    if (code >= 0xff01 && code <= 0xff5e && !(char in BRACKETS)) key += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) key += ' ';
    else key += char;
  }
  key = key
    .replace(BRACKET, (bracket) => BRACKETS[bracket] ?? bracket)
    .toLowerCase()
    .replace(SEPARATORS, '');
  // Twice, for a star and a (必填) together.
  return key.replace(REQUIRED_MARK, '').replace(REQUIRED_MARK, '');
}

const ALIAS_FIELDS: ReadonlyMap<string, RosterField> = (() => {
  const map = new Map<string, RosterField>();
  for (const field of ROSTER_FIELDS) {
    for (const alias of [...HEADER_ALIASES[field]['zh-CN'], ...HEADER_ALIASES[field].en]) {
      const key = normalizeHeader(alias);
      const taken = map.get(key);
      if (taken && taken !== field) throw new Error(`header alias ${alias} names both ${taken} and ${field}`);
      map.set(key, field);
    }
  }
  return map;
})();

/** The field a header names by the built-in aliases, or null. */
export function fieldForHeader(header: string): RosterField | null {
  const key = normalizeHeader(header);
  if (key === '') return null;
  return ALIAS_FIELDS.get(key) ?? ALIAS_FIELDS.get(key.replace(TRAILING_NOTE, '')) ?? null;
}

/**
 * Which column fills which field. `remembered` maps {@link normalizeHeader} of a header to the
 * field the user chose for it last time, or to null for a column they chose to ignore; it wins
 * over the aliases. Each field takes one column at most, the leftmost; unknown columns are left out.
 */
export function recognizeColumns(
  headers: readonly string[],
  remembered: Readonly<Record<string, RosterField | null>> = {},
): ColumnMapping {
  const mapping: ColumnMapping = {};
  const decided = new Set<number>();
  headers.forEach((header, index) => {
    const key = normalizeHeader(header);
    if (!Object.hasOwn(remembered, key)) return;
    decided.add(index);
    const field = remembered[key];
    if (field && mapping[field] === undefined) mapping[field] = index;
  });
  headers.forEach((header, index) => {
    if (decided.has(index)) return;
    const field = fieldForHeader(header);
    if (field && mapping[field] === undefined) mapping[field] = index;
  });
  return mapping;
}

/** The header the planner writes for a field. */
export function headerFor(field: RosterField, language: Language): string {
  return HEADER_ALIASES[field][language][0] ?? field;
}

/** Headers of the exported worker list that are not roster fields (derived from the ID). */
export const BIRTH_DATE_HEADER: Readonly<Record<Language, string>> = { 'zh-CN': '出生日期', en: 'Birth date' };

/** Words for gender in the files the planner writes; also recognised when reading. */
export const GENDER_WORDS: Readonly<Record<Language, Readonly<Record<Gender, string>>>> = {
  'zh-CN': { male: '男', female: '女' },
  en: { male: 'male', female: 'female' },
};

/** Words for poverty status in the files the planner writes; also recognised when reading. */
export const POVERTY_WORDS: Readonly<Record<Language, Readonly<Record<PovertyStatus, string>>>> = {
  'zh-CN': { 'registered-poor': '建档立卡贫困户', 'relatively-poor': '相对贫困户', none: '否' },
  en: { 'registered-poor': 'registered poor', 'relatively-poor': 'relatively poor', none: 'none' },
};

/** How skills are joined in the files the planner writes; both separators are read back. */
export const SKILL_SEPARATOR: Readonly<Record<Language, string>> = { 'zh-CN': '、', en: ', ' };

function wordKey(text: string): string {
  return normalizeHeader(text);
}

/**
 * Looks a cell up by its plain text first: almost every cell is a plain 男 or 是, and the full
 * normalization costs more than the rest of a row's check.
 */
function lookUpWord<T>(words: ReadonlyMap<string, T>, text: string): T | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return words.get(trimmed) ?? words.get(wordKey(trimmed)) ?? null;
}

const GENDER_BY_WORD: ReadonlyMap<string, Gender> = new Map<string, Gender>(
  (
    [
      ['男', 'male'],
      ['男性', 'male'],
      ['m', 'male'],
      ['male', 'male'],
      ['man', 'male'],
      ['女', 'female'],
      ['女性', 'female'],
      ['f', 'female'],
      ['female', 'female'],
      ['woman', 'female'],
    ] as const
  ).map(([word, gender]) => [wordKey(word), gender]),
);

/**
 * The gender a cell names: 男/女, M/F, male/female in any case. Undefined for an empty cell (take
 * it from the ID), null for a word that is none of these.
 */
export function parseGenderCell(text: string): Gender | null | undefined {
  return lookUpWord(GENDER_BY_WORD, text);
}

const POVERTY_BY_WORD: ReadonlyMap<string, PovertyStatus> = new Map<string, PovertyStatus>(
  (
    [
      // "是否建档立卡" columns answer yes or no.
      ['是', 'registered-poor'],
      ['建档立卡', 'registered-poor'],
      ['建档立卡户', 'registered-poor'],
      ['建档立卡贫困户', 'registered-poor'],
      ['建档立卡贫困人口', 'registered-poor'],
      ['贫困户', 'registered-poor'],
      ['registered', 'registered-poor'],
      ['registered poor', 'registered-poor'],
      ['registered-poor', 'registered-poor'],
      ['registered poor household', 'registered-poor'],
      ['yes', 'registered-poor'],
      ['y', 'registered-poor'],
      ['true', 'registered-poor'],
      ['1', 'registered-poor'],
      ['√', 'registered-poor'],
      ['相对贫困', 'relatively-poor'],
      ['相对贫困户', 'relatively-poor'],
      ['相对贫困人口', 'relatively-poor'],
      ['relatively poor', 'relatively-poor'],
      ['relatively-poor', 'relatively-poor'],
      ['否', 'none'],
      ['无', 'none'],
      ['不是', 'none'],
      ['非贫困户', 'none'],
      ['一般户', 'none'],
      ['none', 'none'],
      ['no', 'none'],
      ['n', 'none'],
      ['neither', 'none'],
      ['false', 'none'],
      ['0', 'none'],
      ['×', 'none'],
    ] as const
  ).map(([word, status]) => [wordKey(word), status]),
);

/**
 * The poverty status a cell names. An empty cell is `none`; null for a word that is none of the
 * known ones, because guessing wrong would miscount the registered poor (docs/domain.md#subsidies: the subsidies
 * and the share of registered poor on a train are reported from it).
 */
export function parsePovertyCell(text: string): PovertyStatus | null {
  const status = lookUpWord(POVERTY_BY_WORD, text);
  return status === undefined ? 'none' : status;
}

const SKILL_SEPARATORS = /[、,，;；/／\s]/u;

/**
 * Splits a skills cell on 、 , ， ; ； / and on spaces between Chinese words (电工 焊工), but not
 * inside English ones (forklift driving).
 */
export function splitSkillsCell(text: string): string[] {
  const trimmed = text.trim();
  // Most cells hold one skill or none: skip the regular expression for them.
  if (!SKILL_SEPARATORS.test(trimmed)) return trimmed === '' ? [] : [trimmed];
  return trimmed
    .split(/[、,，;；/／]|(?<=\p{Script=Han})\s+(?=\p{Script=Han})/u)
    .map((skill) => skill.trim())
    .filter((skill) => skill !== '');
}

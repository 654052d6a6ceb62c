import { describe, expect, it } from 'vitest';

import {
  HEADER_ALIASES,
  ROSTER_FIELDS,
  normalizeHeader,
  parseGenderCell,
  parsePovertyCell,
  recognizeColumns,
  splitSkillsCell,
} from '@shared/roster/columns';

describe('recognizeColumns', () => {
  it('recognises a Chinese county roster', () => {
    const headers = [
      '序号',
      '姓名',
      '性别',
      '公民身份号码',
      '手机号码',
      '县(区)',
      '乡镇',
      '村',
      '户主姓名',
      '是否建档立卡贫困户',
      '技能',
      '求职意向',
      '紧急联系人',
      '紧急联系电话',
      '备注',
    ];
    expect(recognizeColumns(headers)).toEqual({
      name: 1,
      gender: 2,
      residentId: 3,
      phone: 4,
      county: 5,
      township: 6,
      village: 7,
      household: 8,
      povertyStatus: 9,
      skills: 10,
      wantedJob: 11,
      emergencyContactName: 12,
      emergencyContactPhone: 13,
      notes: 14,
    });
  });

  it('recognises English headers in any case', () => {
    const headers = ['NAME', 'resident id', 'Mobile', 'Sex', 'County', 'Township', 'Village', 'Household number'];
    expect(recognizeColumns(headers)).toEqual({
      name: 0,
      residentId: 1,
      phone: 2,
      gender: 3,
      county: 4,
      township: 5,
      village: 6,
      household: 7,
    });
  });

  it('tolerates spaces, full-width brackets, line breaks and required marks', () => {
    const headers = [
      '姓 名*',
      '身份证号码（必填）',
      ' 联系电话 ',
      '县（区）',
      '乡（镇）',
      '村（社区）',
      '*户号',
      'Emergency\nphone',
    ];
    expect(recognizeColumns(headers)).toEqual({
      name: 0,
      residentId: 1,
      phone: 2,
      county: 3,
      township: 4,
      village: 5,
      household: 6,
      emergencyContactPhone: 7,
    });
  });

  it('recognises a header with a note in brackets after a known name', () => {
    expect(recognizeColumns(['身份证号(18位)', '联系电话（手机）'])).toEqual({ residentId: 0, phone: 1 });
  });

  it('gives each field to the leftmost column only and ignores unknown columns', () => {
    expect(recognizeColumns(['序号', '手机', '电话', '户号', '户主', '出生日期'])).toEqual({ phone: 1, household: 3 });
  });

  it('lets a remembered choice win over the aliases, also to ignore a column', () => {
    const remembered = {
      [normalizeHeader('联系人')]: 'emergencyContactName',
      [normalizeHeader('电话')]: null,
      [normalizeHeader('本人手机')]: 'phone',
    } as const;
    expect(recognizeColumns(['姓名', '电话', '本人手机', '联系人'], remembered)).toEqual({
      name: 0,
      phone: 2,
      emergencyContactName: 3,
    });
  });

  it('matches a remembered header however it is spaced or marked next time', () => {
    const remembered = { [normalizeHeader('劳务编号 *')]: 'household' } as const;
    expect(recognizeColumns(['劳务编号（必填）'], remembered)).toEqual({ household: 0 });
  });
});

describe('HEADER_ALIASES', () => {
  it('has a Chinese and an English header for every field, each naming one field only', () => {
    const seen = new Map<string, string>();
    for (const field of ROSTER_FIELDS) {
      expect(HEADER_ALIASES[field]['zh-CN'].length).toBeGreaterThan(0);
      expect(HEADER_ALIASES[field].en.length).toBeGreaterThan(0);
      for (const alias of [...HEADER_ALIASES[field]['zh-CN'], ...HEADER_ALIASES[field].en]) {
        const key = normalizeHeader(alias);
        expect(seen.get(key) ?? field, alias).toBe(field);
        seen.set(key, field);
        expect(recognizeColumns([alias]), alias).toEqual({ [field]: 0 });
      }
    }
  });
});

describe('cell words', () => {
  it('reads gender words in both languages', () => {
    for (const word of ['男', 'M', 'm', 'male', 'Male', '男性']) expect(parseGenderCell(word), word).toBe('male');
    for (const word of ['女', 'F', 'female', 'FEMALE', '女性']) expect(parseGenderCell(word), word).toBe('female');
    expect(parseGenderCell(' ')).toBeUndefined();
    expect(parseGenderCell('未知')).toBeNull();
  });

  it('reads poverty words, an empty cell as none', () => {
    for (const word of ['是', '建档立卡', '建档立卡贫困户', '贫困户', 'registered', 'Registered poor']) {
      expect(parsePovertyCell(word), word).toBe('registered-poor');
    }
    for (const word of ['相对贫困', '相对贫困户', 'relatively poor']) {
      expect(parsePovertyCell(word), word).toBe('relatively-poor');
    }
    for (const word of ['否', 'none', '', '  ', '一般户']) expect(parsePovertyCell(word), word).toBe('none');
    expect(parsePovertyCell('不清楚')).toBeNull();
  });

  it('splits skills on Chinese and ASCII separators and on spaces between Chinese words', () => {
    expect(splitSkillsCell('电工、焊工，叉车;普工；缝纫/厨师')).toEqual([
      '电工',
      '焊工',
      '叉车',
      '普工',
      '缝纫',
      '厨师',
    ]);
    expect(splitSkillsCell('电工 焊工  叉车')).toEqual(['电工', '焊工', '叉车']);
    expect(splitSkillsCell('forklift driving, welding')).toEqual(['forklift driving', 'welding']);
    expect(splitSkillsCell('  ')).toEqual([]);
  });
});

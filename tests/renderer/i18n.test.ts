import { describe, expect, it } from 'vitest';
import { WORKER_PROBLEM_CODES } from '@shared/domain/worker-rules';
import { createI18n } from '@renderer/i18n';
import { en } from '@renderer/i18n/en';
import { zhCN } from '@renderer/i18n/zh-CN';

const leaves = (node: unknown, path = ''): [string, string][] =>
  typeof node === 'string'
    ? [[path, node]]
    : Object.entries(node as Record<string, unknown>).flatMap(([key, value]) => leaves(value, `${path}.${key}`));

describe('the messages', () => {
  it('have the same keys in both languages, assembled from every part', () => {
    // The types make en fill zh-CN's shape; this catches what a cast or a spread could slip past them.
    const keys = (messages: unknown) =>
      leaves(messages)
        .map(([path]) => path)
        .sort();
    expect(keys(en)).toEqual(keys(zhCN));
    expect(keys(zhCN).length).toBeGreaterThan(1000);
  });

  it('write English with English punctuation: no full-width semicolon, colon, comma or bracket', () => {
    // A reader of the English app saw "Escort；Medic" where a list was joined the Chinese way.
    const fullWidth = /[；：，（）。、]/;
    const offending = leaves(en).filter(([, text]) => fullWidth.test(text));
    expect(offending).toEqual([]);
    expect(createI18n('en').t('common.listSeparator')).toBe('; ');
    expect(createI18n('zh-CN').t('common.listSeparator')).toBe('；');
  });

  it('have a Chinese and an English text for every problem a worker check can report', () => {
    for (const code of WORKER_PROBLEM_CODES) {
      expect(zhCN.problems, code).toHaveProperty([code]);
      expect(en.problems, code).toHaveProperty([code]);
    }
  });

  it('fill the placeholders of a problem in both languages', () => {
    const params = { age: 67, min: 16, max: 65 };
    expect(createI18n('zh-CN').t('problems.age-outside-range', params)).toBe('年龄 67 岁，不在劳动年龄 16–65 岁范围内');
    expect(createI18n('en').t('problems.age-outside-range', params)).toBe(
      'Age 67 is outside the working age range of 16 to 65',
    );
  });

  it('count one of a thing in the singular in English, and the same way in Chinese', () => {
    const english = createI18n('en').t;
    const chinese = createI18n('zh-CN').t;
    expect(english('rosterImport.notImported', { count: 1 })).toBe('1 row not imported');
    expect(english('rosterImport.notImported', { count: 2 })).toBe('2 rows not imported');
    expect(english('rosterImport.start', { count: 1 })).toBe('Import 1 row');
    expect(english('documents.preview.pages', { count: 1 })).toBe('1 page');
    expect(english('audit.count', { count: 0 })).toBe('0 entries');
    expect(english('problems.route-in-use', { count: 1 })).toBe('1 batch uses this route: it can not be deleted');
    expect(english('problems.route-in-use', { count: 3 })).toBe('3 batches use this route: it can not be deleted');
    expect(english('problems.scheme-has-claims', { count: 1 })).toMatch(/^A claim stands under this scheme/);
    expect(english('problems.scheme-has-claims', { count: 2 })).toMatch(/^2 claims stand under this scheme/);
    expect(english('seating.householdMore', { names: 'Wei', count: 1 })).toBe('The household of Wei and 1 other');
    expect(english('health.lists.unseatText', { count: 1, names: '韦秀英' })).toMatch(/^The seat of this passenger/);
    expect(chinese('rosterImport.notImported', { count: 1 })).toBe('未导入 1 行');
    expect(chinese('rosterImport.notImported', { count: 2 })).toBe('未导入 2 行');
  });

  it('leave no English text in Chinese and no Chinese text in English, apart from names of languages', () => {
    const chinese = /[\u3400-\u9fff]/;
    for (const [path, text] of leaves(en)) expect(chinese.test(text), `${path}: ${text}`).toBe(false);
    for (const [path, text] of leaves(zhCN)) {
      // A Chinese text may hold placeholders and name Excel or CSV, but no English words of its own.
      const own = text.replace(/\{\{\w+\}\}/g, '');
      expect(chinese.test(own) || /^[\s\d.%–/—:;,，；、：→·A-Z()（）]*$/.test(own), `${path}: ${text}`).toBe(true);
    }
  });
});

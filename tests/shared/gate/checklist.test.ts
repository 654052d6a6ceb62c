import { describe, expect, it } from 'vitest';

import { CHECKLIST_ITEMS, DERIVED_ITEM_KEYS, UNIFICATIONS, UNIFICATION_LABELS } from '@shared/gate';

describe('the checklist table', () => {
  it('gives every item a unique key under its unification, and labels in both languages', () => {
    const keys = CHECKLIST_ITEMS.map((item) => item.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const item of CHECKLIST_ITEMS) {
      expect(item.key.startsWith(`${item.unification}.`)).toBe(true);
      expect(item.label['zh-CN']).not.toBe('');
      expect(item.label.en).not.toBe('');
    }
  });

  it('has items under each of the five unifications, named in both languages', () => {
    expect(UNIFICATIONS).toEqual(['organization', 'medical', 'vehicle', 'follow-up', 'protection']);
    for (const unification of UNIFICATIONS) {
      expect(CHECKLIST_ITEMS.some((item) => item.unification === unification)).toBe(true);
    }
    expect(UNIFICATION_LABELS.medical['zh-CN']).toBe('统一体检');
  });

  it('lists every derived rule once', () => {
    const derived = CHECKLIST_ITEMS.filter((item) => item.kind === 'derived').map((item) => item.key);
    expect([...derived].sort()).toEqual([...DERIVED_ITEM_KEYS].sort());
  });

  it('asks for the charter sign number and the insurance policy number, and only those', () => {
    const notes = CHECKLIST_ITEMS.flatMap((item) =>
      item.kind === 'ticked' && item.note?.required ? [[item.key, item.note.holds, item.note.prompt['zh-CN']]] : [],
    );
    expect(notes).toEqual([
      ['vehicle.booked', 'charter-sign-number', '包车客运标志牌号'],
      ['protection.insurance', 'insurance-policy-number', '保险单号'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import type { Language } from '@shared/domain/records';
import { ITEM_STATE_LABELS, LIGHT_LABELS } from '@shared/documents/cover';
import { HEALTH_CODE_LABELS, SYMPTOM_LABELS } from '@shared/documents/health-sheet';
import { GENDER_LABELS, LEG_MODE_LABELS, POVERTY_LABELS, VERDICT_LABELS } from '@shared/documents/labels';
import type { Labels } from '@shared/documents/labels';
import { STATUS_LABELS } from '@shared/documents/parts';
import { en } from '@renderer/i18n/en';
import type { Messages } from '@renderer/i18n/zh-CN';
import { zhCN } from '@renderer/i18n/zh-CN';

/**
 * A word that a document prints and a screen shows (a batch's status, a verdict, a symptom, a leg's
 * mode) is the same word on paper and on screen, in both languages: the medic who reads 待复测 on
 * the sheet finds 待复测 in the app.
 */
const SCREENS: Readonly<Record<Language, Messages>> = { 'zh-CN': zhCN, en };
const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];

/** Each printed word beside the screen's word for the same value. */
function pairs<K extends string>(
  paper: Labels<K>,
  screen: (messages: Messages) => Readonly<Record<K, string>>,
): [string, string, string][] {
  return LANGUAGES.flatMap((language) =>
    Object.entries<string>(paper[language]).map(([key, printed]): [string, string, string] => [
      `${language} ${key}`,
      printed,
      screen(SCREENS[language])[key as K],
    ]),
  );
}

function expectSame(found: [string, string, string][]): void {
  expect(found.length).toBeGreaterThan(0);
  for (const [what, printed, shown] of found) expect(printed, what).toBe(shown);
}

describe('the words that documents print and screens show', () => {
  it('name a batch status alike', () => {
    expectSame(pairs(STATUS_LABELS, (messages) => messages.batches.status));
  });

  it('name a passenger’s health state alike', () => {
    expectSame(
      pairs(VERDICT_LABELS, ({ health: { state } }) => ({
        pass: state.passed,
        fail: state.failed,
        recheck: state.recheck,
        unchecked: state['not-checked'],
      })),
    );
  });

  it('name a symptom and a health code colour alike', () => {
    expectSame(pairs(SYMPTOM_LABELS, (messages) => messages.health.symptoms));
    expectSame(pairs(HEALTH_CODE_LABELS, (messages) => messages.health.healthCode));
  });

  it('name a leg’s mode alike, on the route, batch and planning screens', () => {
    expectSame(pairs(LEG_MODE_LABELS, (messages) => messages.routes.modes));
    expectSame(pairs(LEG_MODE_LABELS, (messages) => messages.batches.vehicles.modes));
    expectSame(pairs(LEG_MODE_LABELS, (messages) => messages.planning.modes));
  });

  it('name a unification’s light and an item’s state alike', () => {
    // The screen names the light's colour too (绿灯 · 通过); the paper prints the colour as the text's.
    for (const [what, printed, shown] of pairs(LIGHT_LABELS, (messages) => messages.gate.light)) {
      expect(shown, what).toMatch(new RegExp(` · ${printed}$`, 'i'));
    }
    // Every state, a ticked item's 待办 included (the cover printed 未满足 for it while the gate said 待办).
    expectSame(pairs(ITEM_STATE_LABELS, ({ gate: { state } }) => state));
  });

  it('name a poverty status alike, the paper leaving the remark blank for neither', () => {
    for (const [what, printed, shown] of pairs(POVERTY_LABELS, (messages) => messages.workers.poverty)) {
      expect(printed, what).toBe(what.endsWith(' none') ? '' : shown);
    }
  });

  it('name a gender alike, English printing its initial in the narrow column', () => {
    for (const [what, printed, shown] of pairs(GENDER_LABELS, (messages) => messages.workers.gender)) {
      expect(printed, what).toBe(what.startsWith('en ') ? shown.charAt(0) : shown);
    }
  });
});

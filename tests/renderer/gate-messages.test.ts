import { describe, expect, it } from 'vitest';
import { GATE_REASON_CODES, STATUS_STEP_CODES } from '@shared/gate';
import type { GateReason } from '@shared/gate';
import type { Batch, Language, Route } from '@shared/domain/records';
import { createI18n } from '@renderer/i18n';
import { en } from '@renderer/i18n/en';
import { zhCN } from '@renderer/i18n/zh-CN';
import { reasonMessage, type ReasonContext } from '@renderer/features/batches/gate/gate-text';

const route: Pick<Route, 'legs'> = {
  legs: [
    {
      id: 'leg-bus',
      mode: 'coach',
      from: '田东县人民广场',
      to: '百色站',
      departureMinutes: 420,
      durationMinutes: 90,
      distanceKm: 40,
      stops: [],
    },
    {
      id: 'leg-train',
      mode: 'train',
      from: '百色站',
      to: '广州南站',
      departureMinutes: 600,
      durationMinutes: 300,
      distanceKm: 700,
      stops: [],
    },
  ],
};

const batch: Pick<Batch, 'legs'> = {
  legs: [
    {
      legId: 'leg-bus',
      vehicles: [{ id: 'coach-1', kind: 'coach', label: '桂L·12345', seatCount: 45, reserved: [], escortId: null }],
    },
    {
      legId: 'leg-train',
      vehicles: [{ id: 'car-5', kind: 'train-second-class', label: '05', seatCount: 90, reserved: [], escortId: null }],
    },
  ],
};

function contextIn(language: Language): ReasonContext {
  return { t: createI18n(language).t, language, batch, route };
}

describe('the gate messages', () => {
  it('have a Chinese and an English text for every reason the gate can report', () => {
    for (const code of GATE_REASON_CODES) {
      expect(zhCN.gate.reasons, code).toHaveProperty([code]);
      expect(en.gate.reasons, code).toHaveProperty([code]);
    }
  });

  it('have a Chinese and an English text for every reason a status step can be refused', () => {
    for (const code of STATUS_STEP_CODES) {
      expect(zhCN.gate.steps, code).toHaveProperty([code]);
      expect(en.gate.steps, code).toHaveProperty([code]);
    }
  });

  it('write out the first names and say how many more there are', () => {
    const reason: GateReason = {
      code: 'passengers-without-enterprise',
      params: { count: 12, names: ['黄文光', '韦小红'], workerIds: [] },
    };
    expect(reasonMessage(reason, contextIn('zh-CN'))).toBe('没有接收企业的有 12 人：黄文光、韦小红 等 12 人');
    expect(reasonMessage(reason, contextIn('en'))).toBe(
      'Without a receiving enterprise (12): 黄文光, 韦小红 and 10 more',
    );
  });

  it('name a short leg by its position and places', () => {
    const reason: GateReason = {
      code: 'seats-short',
      params: { legId: 'leg-train', passengers: 120, capacity: 90, short: 30 },
    };
    expect(reasonMessage(reason, contextIn('zh-CN'))).toBe(
      '第 2 段（百色站 → 广州南站）：120 人，按限载率只有 90 个座位，还差 30 个',
    );
    expect(reasonMessage(reason, contextIn('en'))).toBe(
      'On leg 2 (百色站 → 广州南站): 120 passengers but only 90 seats at the load factor, 30 short',
    );
  });

  it('name carriages and coaches with their leg', () => {
    const reason: GateReason = {
      code: 'vehicles-without-escort',
      params: { count: 2, labels: ['桂L·12345', '05'], vehicleIds: ['coach-1', 'car-5'] },
    };
    expect(reasonMessage(reason, contextIn('zh-CN'))).toBe(
      '有 2 辆车（节车厢）没有随车人员：桂L·12345（第 1 段）、05 号车厢（第 2 段）',
    );
    expect(reasonMessage(reason, contextIn('en'))).toBe(
      'Vehicles without an escort (2): 桂L·12345 (leg 1), carriage 05 (leg 2)',
    );
  });

  it('name the note a tick is missing with the prompt from the checklist table', () => {
    const reason: GateReason = { code: 'note-required', params: { holds: 'charter-sign-number' } };
    expect(reasonMessage(reason, contextIn('zh-CN'))).toBe('已勾选，但没有填写包车客运标志牌号，请重新勾选并填写');
    expect(reasonMessage(reason, contextIn('en'))).toContain('(Charter sign number)');
  });

  it('say when the roster changed after a tick, with the times in local time', () => {
    const reason: GateReason = {
      code: 'roster-changed-after-tick',
      params: {
        count: 1,
        added: 1,
        removed: 0,
        names: ['农秀英'],
        workerIds: ['w1'],
        firstChangeAt: '2026-02-16T10:30:00+08:00',
        lastChangeAt: '2026-02-16T10:30:00+08:00',
        tickedAt: '2026-02-16T09:00:00+08:00',
      },
    };
    const zh = reasonMessage(reason, contextIn('zh-CN'));
    expect(zh).toContain('新增 1 人、移出 0 人');
    expect(zh).toContain('农秀英');
    expect(zh).toMatch(/^勾选于 2026年2月1[56]日 \d\d:\d\d，/);
    expect(reasonMessage(reason, contextIn('en'))).toMatch(/^Ticked at Feb 1[56], 2026, .*1 added, 0 removed.*农秀英/);
  });
});

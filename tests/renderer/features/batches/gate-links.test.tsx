// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { GATE_REASON_CODES, evaluateGate, type GateReasonCode } from '@shared/gate';
import { UnificationCard } from '@renderer/features/batches/gate/UnificationCard';
import { fixLink } from '@renderer/features/batches/gate/gate-fixes';
import { createI18n } from '@renderer/i18n';
import { render } from '@tests/renderer/render';
import { makeBatch, makeGateInput, makePassenger } from '@tests/fixtures/batches';

const target = { batchId: 'b1', routeId: 'r1' };

describe('where each gate problem is fixed', () => {
  it('sends each data problem to its place: passengers filtered, seats, vehicles, health station, route, form', () => {
    const at = (code: GateReasonCode, params = {}) => fixLink({ code, params }, target)?.to;
    expect(at('passengers-without-enterprise')).toBe('/batches/b1?tab=passengers&show=no-enterprise');
    expect(at('passengers-not-seated')).toBe('/batches/b1?tab=seats');
    expect(at('seats-short')).toBe('/batches/b1?tab=vehicles');
    expect(at('legs-without-vehicles')).toBe('/batches/b1?tab=vehicles');
    expect(at('health-checks-missing')).toBe('/batches/b1/health');
    expect(at('no-passengers')).toBe('/batches/b1?tab=passengers');
    expect(at('no-legs')).toBe('/routes/r1');
    expect(at('organizer-missing')).toBe('/batches/b1?edit=batch');
    expect(at('enterprises-without-handover-contact', { enterpriseIds: ['e1'] })).toBe('/enterprises/e1');
    expect(at('enterprises-without-handover-contact', { enterpriseIds: ['e1', 'e2'] })).toBe('/enterprises');
    // A ticked item is fixed by its own tick button.
    expect(at('not-ticked')).toBeUndefined();
  });

  it('has a text for every place a link can lead, in both languages', () => {
    for (const language of ['zh-CN', 'en'] as const) {
      const t = createI18n(language).t;
      for (const code of GATE_REASON_CODES) {
        const link = fixLink({ code, params: { enterpriseIds: ['e1'] } }, target);
        if (link) expect(t(`gate.fix.${link.fix}`)).not.toBe(`gate.fix.${link.fix}`);
      }
    }
  });

  it('shows the unmet follow-up item with a link to the passengers tab, filtered to those without an enterprise', () => {
    const batch = makeBatch();
    const report = evaluateGate(
      makeGateInput({ batch, passengers: [makePassenger(), makePassenger({ name: '黄秀英', enterpriseId: null })] }),
    );
    const followUp = report.unifications.find((unification) => unification.unification === 'follow-up');
    if (!followUp) throw new Error('no follow-up unification');
    render(
      <UnificationCard
        batchId={batch.id}
        routeId={batch.routeId}
        unification={followUp}
        context={{ t: createI18n('zh-CN').t, language: 'zh-CN', batch, route: null }}
        locked={false}
      />,
    );
    const item = screen
      .getAllByTestId('gate-item')
      .find((row) => row.getAttribute('data-item') === 'follow-up.enterprise-handover');
    if (!item) throw new Error('no follow-up item');
    const link = within(item).getByRole('link', { name: /去乘客名单分配接收企业/ });
    expect(link.getAttribute('href')).toBe(`/batches/${batch.id}?tab=passengers&show=no-enterprise`);
  });

  it('shows no link on a met item', () => {
    const batch = makeBatch();
    const report = evaluateGate(makeGateInput({ batch }));
    const followUp = report.unifications.find((unification) => unification.unification === 'follow-up');
    if (!followUp) throw new Error('no follow-up unification');
    render(
      <UnificationCard
        batchId={batch.id}
        routeId={batch.routeId}
        unification={followUp}
        context={{ t: createI18n('zh-CN').t, language: 'zh-CN', batch, route: null }}
        locked={false}
      />,
    );
    expect(screen.queryAllByTestId('gate-fix')).toHaveLength(0);
  });
});

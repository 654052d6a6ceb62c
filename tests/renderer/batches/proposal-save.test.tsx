// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Language } from '@shared/domain/records';
import {
  proposeBatches,
  setProposalSource,
  updateSettings,
  type BatchPlanningResult,
  type PlannerDatabase,
} from '@renderer/db';
import { DirectoryFeed } from '@renderer/db/directory/directory-feed';
import { createI18n } from '@renderer/i18n';
import { ProposalSave } from '@renderer/features/batches/planning/ProposalSave';
import { render } from '@tests/renderer/render';
import { makeEnterprisesByCity, makePlanningChoices, makeRoute, makeSingles } from '../../fixtures/planning';
import { freshDatabase } from '../db/test-database';

let db: PlannerDatabase;
let result: BatchPlanningResult;
const names = Array.from({ length: 5 }, (_, index) => `第${index + 1}批`);

beforeEach(async () => {
  db = freshDatabase();
  await updateSettings({ operatorName: '王调度', loadFactor: 0.5 });
  const { shenzhen } = makeEnterprisesByCity();
  await db.enterprises.add(shenzhen);
  const route = makeRoute();
  await db.routes.add(route);
  await db.workers.bulkAdd(makeSingles(200, shenzhen, { county: '田东县' }));
  const feed = new DirectoryFeed(db, { snapshots: false });
  setProposalSource((request) => feed.propose(request));
  // One carriage a batch, one batch a day: five batches of 40 passengers.
  result = await proposeBatches(
    makePlanningChoices(route, {
      lastDate: '2026-02-28',
      vehicles: {
        [route.id]: Object.fromEntries(
          route.legs.map((leg) => [
            leg.id,
            leg.mode === 'train'
              ? { kind: 'train-second-class', seatCount: 90, maxVehicles: 1 }
              : { kind: 'coach', seatCount: 49, maxVehicles: 3 },
          ]),
        ),
      },
    }),
  );
});

afterEach(() => {
  setProposalSource(null);
});

function show(language: Language) {
  const { t } = createI18n(language);
  render(
    <ProposalSave
      result={result}
      names={names}
      disabled={false}
      describe={(problem) => problem.code}
      chunkPassengers={80}
    />,
    { language },
  );
  return t;
}

describe('saving a proposal on the planning screen', () => {
  it.each<Language>(['zh-CN', 'en'])(
    'shows how far the save has come, and a cancel stops after the chunk under way and says what was saved (%s)',
    async (language) => {
      const t = show(language);
      expect(result.proposal.batches.map((batch) => batch.passengerIds.length)).toEqual([40, 40, 40, 40, 40]);
      fireEvent.click(screen.getByRole('button', { name: t('planning.save', { count: 5 }) }));

      // The progress bar and Cancel are there while the first chunk (two batches) is stored.
      const progress = screen.getByTestId('save-progress');
      expect(screen.getByRole('progressbar', { name: t('planning.saving.label') })).toBeTruthy();
      expect(progress.textContent).toContain(
        t('planning.saving.progress', { saved: 0, total: 5, passengers: 0, totalPassengers: 200 }),
      );
      fireEvent.click(screen.getByRole('button', { name: t('planning.saving.cancel') }));
      expect(screen.getByTestId('save-progress').textContent).toContain(t('planning.saving.cancelling'));

      const stopped = await screen.findByTestId('save-stopped', {}, { timeout: 20_000 });
      expect(stopped.textContent).toBe(t('planning.saving.cancelled', { saved: 2, passengers: 80, rest: 3 }));
      expect(screen.queryByTestId('save-progress')).toBeNull();
      // The proposal can not be saved again: two of its batches are stored, the rest is planned anew.
      expect(screen.queryByRole('button', { name: t('planning.save', { count: 5 }) })).toBeNull();
      const batches = await db.batches.toArray();
      expect(batches.map((batch) => batch.name).sort()).toEqual(['第1批', '第2批']);
      expect(await db.assignments.count()).toBe(80);
    },
    30_000,
  );

  it('saves every batch when not cancelled, and says how many with how many passengers', async () => {
    const t = show('zh-CN');
    const seen: string[] = [];
    fireEvent.click(screen.getByRole('button', { name: t('planning.save', { count: 5 }) }));
    await waitFor(
      () => {
        const progress = screen.queryByTestId('save-progress');
        if (progress) seen.push(progress.getAttribute('data-saved') ?? '');
        expect(progress).toBeNull();
      },
      { timeout: 20_000, interval: 5 },
    );
    await screen.findByText(t('planning.saved', { count: 5, passengers: 200 }));
    expect(await db.batches.count()).toBe(5);
    expect(await db.assignments.count()).toBe(200);
    expect(seen[0]).toBe('0');
  }, 30_000);
});

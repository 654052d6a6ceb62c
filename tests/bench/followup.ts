/**
 * Figures of the follow-up workspace (issue 17, item 5, "Speed"), measured in the built app in
 * Chromium with the demo's 100,000 workers all handed over and 300,000 contacts logged:
 * - `followup-due-100k`: from the move to `#/followup` (the page's code already loaded once) until
 *   the first due row is on the screen: the due follow-ups read by the `nextDue` index, their
 *   workers, batches and enterprises, the list sorted and drawn;
 * - `followup-log-save`: with a person's form open, from Enter (the outcome typed) until the
 *   contact is stored with its audit row and the list shows it: the row gone, "done this week" one
 *   more, the next person's form open; each save 300 ms after the form opened, as a person reads
 *   the name before typing (followup.browser.js).
 * Each is printed with the baseline `followup-idb-due-100k`, measured in the same page in the same
 * run: the bare IndexedDB read the workspace starts from, a getAll of the follow-ups due today by
 * the `nextDue` index.
 *
 * The database is seeded with raw IndexedDB puts, after the app has started on an empty database
 * (so the daily backup, which only runs for a database that held records at start, stays away).
 */
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { addCalendarDays, todayCalendarDate } from '@shared/dates';
import {
  DEFAULT_SETTINGS,
  type CalendarDate,
  type Contact,
  type ContactOutcome,
  type FollowUp,
  type Settings,
} from '@shared/domain/records';
import type { makeDemoData } from '@shared/demo';
import { contactSchedule } from '@shared/followup';
import { collectGarbage, type Figure } from './measure';

const IN_PAGE_SCRIPT = fileURLToPath(new URL('./followup.browser.js', import.meta.url));
const CONTACTS_PER_WORKER = 3;
const WARM_UP_RUNS = 2;
const OPEN_RUNS = 9;
const SAVE_RUNS = 30;
const SEEDED_AT = '2026-02-10T00:00:00.000Z';
/** Records handed to the page per call: a message of 300,000 contacts at once would be some 150 MB. */
const SEED_CHUNK = 50_000;

interface FollowUpBench {
  browser: Browser;
  url: string;
  demo: ReturnType<typeof makeDemoData>;
  print: (figure: Figure) => void;
  wanted: (...names: string[]) => boolean;
}

const OUTCOMES: readonly ContactOutcome[] = ['in-post', 'in-post', 'in-post', 'changed-job', 'left-looking'];

function contactOf(followUp: FollowUp, date: CalendarDate, outcome: ContactOutcome, n: number): Contact {
  return {
    id: `bench-contact-${followUp.id}-${n}`,
    followUpId: followUp.id,
    workerId: followUp.workerId,
    date,
    method: 'phone',
    by: '测速员',
    outcome,
    enterpriseId: null,
    employerName: outcome === 'changed-job' ? '东莞市长安五金厂' : '',
    employerCity: '',
    startedOn: null,
    leftOn: null,
    leftReason: '',
    monthlyIncome: 4_500,
    difficulties: '',
    needs: [],
    action: '',
    nextDate: null,
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
    revision: 1,
  };
}

/**
 * A follow-up per worker, handed over 10 to 209 days ago, with three contacts each: one on each
 * point already passed (the latest point skipped for one worker in ten, who is then due or
 * overdue), the rest early in the schedule; the next due date as the schedule makes it.
 */
function followUpRecords(demo: FollowUpBench['demo'], today: CalendarDate) {
  const batches = demo.batches;
  const followUps: FollowUp[] = [];
  const contacts: Contact[] = [];
  demo.workers.forEach((worker, index) => {
    const handedOverOn = addCalendarDays(today, -(10 + (index % 200)));
    const batch = batches[index % Math.max(1, batches.length)];
    const followUp: FollowUp = {
      id: `bench-followup-${worker.id}`,
      workerId: worker.id,
      batchId: batch?.id ?? 'bench-batch',
      handoverId: 'bench-handover',
      enterpriseId: worker.enterpriseId ?? demo.enterprises[0]?.id ?? 'bench-enterprise',
      handedOverOn,
      staffId: null,
      stationId: null,
      nextDue: null,
      lastContactOn: null,
      lastOutcome: null,
      createdAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
      revision: 1,
    };
    const passed = DEFAULT_SETTINGS.contactDays
      .map((day) => addCalendarDays(handedOverOn, day))
      .filter((due) => due < today);
    if (index % 10 === 0) passed.pop();
    const early = [1, 2, 3].map((day) => addCalendarDays(handedOverOn, day));
    const dates = [...early, ...passed].slice(-CONTACTS_PER_WORKER);
    const own = dates.map((date, n) =>
      contactOf(
        followUp,
        date,
        n === dates.length - 1 ? (OUTCOMES[index % OUTCOMES.length] ?? 'in-post') : 'in-post',
        n,
      ),
    );
    const schedule = contactSchedule(handedOverOn, own);
    const last = own.at(-1);
    followUps.push({
      ...followUp,
      nextDue: schedule.nextDue,
      lastContactOn: last?.date ?? null,
      lastOutcome: last?.outcome ?? null,
    });
    contacts.push(...own);
  });
  return { followUps, contacts };
}

async function seed(page: Page, stores: Record<string, readonly unknown[]>): Promise<void> {
  for (const [name, records] of Object.entries(stores)) {
    for (let from = 0; from < records.length; from += SEED_CHUNK) {
      await page.evaluate(
        (chunk) =>
          (globalThis as unknown as { benchFollowUpSeed: (stores: unknown) => Promise<void> }).benchFollowUpSeed(chunk),
        { [name]: records.slice(from, from + SEED_CHUNK) },
      );
    }
  }
}

export async function followUpFigures(bench: FollowUpBench): Promise<void> {
  if (!bench.wanted('followup-due-100k', 'followup-log-save', 'followup-idb-due-100k')) return;
  const { demo } = bench;
  const today = todayCalendarDate();
  const { followUps, contacts } = followUpRecords(demo, today);
  const due = followUps.filter((followUp) => followUp.nextDue !== null && followUp.nextDue <= today).length;
  process.stderr.write(
    `followup bench: ${followUps.length} follow-ups, ${contacts.length} contacts, ${due} due or overdue\n`,
  );
  // The app's CSP (rightly) refuses the bench's in-page helper script; the app itself runs as shipped.
  const context = await bench.browser.newContext({ bypassCSP: true, viewport: { width: 1366, height: 860 } });
  try {
    const page = await context.newPage();
    await page.goto(bench.url);
    await page.locator('[data-ready="true"]').waitFor();
    await page.addScriptTag({ path: IN_PAGE_SCRIPT });
    const settings: Settings = { ...DEFAULT_SETTINGS, operatorName: '测速员', updatedAt: SEEDED_AT };
    await seed(page, {
      settings: [settings],
      enterprises: demo.enterprises,
      batches: demo.batches,
      workers: demo.workers,
      followUps,
      contacts,
    });

    process.stderr.write('followup bench: seeded\n');
    const baseline: Figure = { name: 'followup-idb-due-100k', unit: 'ms', samples: [] };
    const open: Figure = { name: 'followup-due-100k', unit: 'ms', samples: [], baseline };
    const save: Figure = { name: 'followup-log-save', unit: 'ms', samples: [], baseline };
    for (let run = 0; run < WARM_UP_RUNS + OPEN_RUNS; run++) {
      await page.evaluate('benchFollowUpLeave()');
      await collectGarbage(page);
      const elapsed = await page.evaluate<number>('benchFollowUpOpen()');
      baseline.samples.push(await page.evaluate<number>(`benchFollowUpIdbDue(${JSON.stringify(today)})`));
      if (run >= WARM_UP_RUNS) open.samples.push(elapsed);
      process.stderr.write(`followup bench: open ${run + 1} ${elapsed.toFixed(0)} ms\n`);
    }
    bench.print(baseline);
    if (bench.wanted('followup-due-100k')) bench.print(open);
    if (!bench.wanted('followup-log-save')) return;
    await page.evaluate('benchFollowUpOpenForm()');
    for (let run = 0; run < WARM_UP_RUNS + SAVE_RUNS; run++) {
      const elapsed = await page.evaluate<number>('benchFollowUpSave()');
      if (run >= WARM_UP_RUNS) save.samples.push(elapsed);
    }
    bench.print(save);
  } finally {
    await context.close();
  }
}

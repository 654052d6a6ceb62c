// @vitest-environment jsdom
/**
 * A worker's employment timeline (issue 17, item 4): the periods with the months employed as of
 * today (a month ends on the same day of the next month, February included), the contact points,
 * and every contact, a corrected one struck through next to its correction with the reason.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Contact, EmploymentPeriod, FollowUp, Handover, Language } from '@shared/domain/records';
import { FollowUpTimeline, type TimelineEntry } from '@renderer/features/workers/followup/FollowUpTimeline';
import { render } from '@tests/renderer/render';

const at = '2026-01-31T02:00:00.000Z';
const meta = { createdAt: at, updatedAt: at };

const followUp: FollowUp = {
  id: 'f1',
  ...meta,
  workerId: 'w1',
  batchId: 'b1',
  handoverId: 'h1',
  enterpriseId: 'e1',
  handedOverOn: '2026-01-31',
  staffId: 's1',
  stationId: null,
  nextDue: '2026-03-02',
  lastContactOn: '2026-02-07',
  lastOutcome: 'in-post',
};

const handover: Handover = {
  id: 'h1',
  ...meta,
  batchId: 'b1',
  enterpriseId: 'e1',
  receiverName: '李主管',
  receiverPhone: '0755-12345678',
  handedOverAt: '2026-01-31T02:30:00.000Z',
  place: '厂区东门保安室',
  workerIds: ['w1'],
  exceptions: [],
  recordedBy: '韦小燕',
  note: '',
};

function contact(overrides: Partial<Contact> & Pick<Contact, 'id' | 'date'>): Contact {
  return {
    ...meta,
    followUpId: 'f1',
    workerId: 'w1',
    method: 'phone',
    by: '韦小燕',
    outcome: 'in-post',
    enterpriseId: 'e1',
    employerName: '',
    employerCity: '',
    startedOn: null,
    leftOn: null,
    leftReason: '',
    monthlyIncome: null,
    difficulties: '',
    needs: [],
    action: '',
    nextDate: null,
    ...overrides,
  };
}

const period: EmploymentPeriod = {
  id: 'f1:1',
  ...meta,
  followUpId: 'f1',
  workerId: 'w1',
  enterpriseId: 'e1',
  employerName: '深圳市鹏达电子科技有限公司',
  employerCity: '深圳市',
  start: '2026-01-31',
  startSource: 'handover',
  end: null,
  endReason: null,
  endNote: '',
};

// The first call said "left"; it was corrected to "in post" with 4800 yuan and a wage problem.
const wrong = contact({
  id: 'c1',
  date: '2026-02-07',
  outcome: 'left-looking',
  leftOn: '2026-02-05',
  leftReason: '嫌工资低',
  supersededById: 'c2',
  deletedAt: '2026-02-08T01:00:00.000Z',
});
const right = contact({
  id: 'c2',
  date: '2026-02-07',
  createdAt: '2026-02-08T01:00:00.000Z',
  monthlyIncome: 4800,
  difficulties: '加班费未按时发放',
  needs: ['rights'],
  action: '已联系企业人事核实',
  nextDate: '2026-02-20',
  correctsId: 'c1',
  correctionReason: '记错了人，本人仍在岗',
});

const entry: TimelineEntry = {
  followUp,
  contacts: [wrong, right],
  periods: [period],
  batchName: '百色—广州/深圳 点对点专列 第一批',
  enterpriseName: '深圳市鹏达电子科技有限公司',
  handover,
  staffName: '黄丽',
  stationName: null,
  contactDays: [7, 30, 90, 180],
};

function show(today: string, language: Language = 'zh-CN', shown: TimelineEntry = entry) {
  return render(<FollowUpTimeline entry={shown} today={today} language={language} />, { language });
}

describe('the employment timeline', () => {
  it('counts months employed across a month end: from 31 January, one month on 28 February, not the day before', () => {
    const { unmount } = show('2026-02-27');
    expect(screen.getByTestId('months-employed').textContent).toBe('0 个月');
    unmount();
    show('2026-02-28', 'en');
    expect(screen.getByTestId('months-employed').textContent).toBe('1 month');
  });

  it('counts a closed period to its end, not to today', () => {
    show('2026-12-01', 'zh-CN', {
      ...entry,
      periods: [{ ...period, end: '2026-05-30', endReason: 'changed-job', endNote: '工资低' }],
    });
    const row = within(screen.getByTestId('employment-periods')).getAllByRole('row')[1];
    expect(row?.textContent).toContain('3 个月');
    expect(row?.textContent).toContain('换工作');
    expect(row?.textContent).toContain('工资低');
  });

  it('shows a corrected contact struck through next to its correction, with the reason', () => {
    show('2026-02-10');
    const log = screen.getByTestId('contact-log');
    const rows = within(log).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.getAttribute('data-testid'))).toEqual(['contact', 'contact-superseded']);
    const [correction, corrected] = rows as [HTMLElement, HTMLElement];
    expect(corrected.style.textDecoration).toBe('line-through');
    expect(corrected.textContent).toContain('已离职，在找工作');
    expect(corrected.textContent).toContain('嫌工资低');
    expect(corrected.textContent).toContain('已更正');
    expect(correction.style.textDecoration).toBe('');
    expect(correction.textContent).toContain('在岗');
    expect(correction.textContent).toContain('4800 元');
    expect(correction.textContent).toContain('加班费未按时发放');
    expect(correction.textContent).toContain('欠薪或其他维权');
    expect(correction.textContent).toContain('已联系企业人事核实');
    expect(correction.textContent).toContain('2026年2月20日');
    expect(within(correction).getByTestId('correction-reason').textContent).toBe('更正原因：记错了人，本人仍在岗');
  });

  it('marks the schedule from the live contacts only: day 7 answered by the correction, day 30 overdue', () => {
    show('2026-03-05', 'en');
    const states = within(screen.getByTestId('contact-points'))
      .getAllByText(/^Day/)
      .map((badge) => badge.closest('[data-state]')?.getAttribute('data-state'));
    expect(states).toEqual(['answered', 'overdue', 'later', 'later']);
    expect(screen.getByTestId('contact-points').textContent).toContain('Day 30 · Due Mar 2, 2026 · Overdue');
    // The correction asked for a call on 20 February, sooner than the day-30 point.
    expect(screen.getByTestId('next-due').textContent).toBe('Next contact: Feb 20, 2026');
  });

  it('names the handover: when, who received, and who calls', () => {
    show('2026-02-10');
    const card = screen.getByTestId('follow-up');
    expect(card.textContent).toContain('百色—广州/深圳 点对点专列 第一批 · 深圳市鹏达电子科技有限公司');
    expect(card.textContent).toContain('李主管 0755-12345678');
    expect(card.textContent).toContain('2026年1月31日 10:30');
    expect(card.textContent).toContain('黄丽');
  });
});

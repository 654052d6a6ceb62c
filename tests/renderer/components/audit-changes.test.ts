import { describe, expect, it } from 'vitest';
import type { AuditEntry, Language } from '@shared/domain/records';
import {
  changeSummary,
  changeValues,
  fieldChanges,
  fieldLabel,
  recordLabel,
  type AuditReading,
} from '@renderer/components/audit-changes';
import { recordKey } from '@renderer/db';
import { createI18n } from '@renderer/i18n';

const WORKER = 'w-7f3a9c21-0b44-4c55-9d1e-3a2b1c0d9e8f';
const BATCH = 'b-1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const ENTERPRISE = 'e-99aa88bb-77cc-4dd6-8ee5-44ff33aa22bb';

const NAMES = {
  [recordKey('workers', WORKER)]: '张三',
  [recordKey('batches', BATCH)]: '田东第一批',
  [recordKey('enterprises', ENTERPRISE)]: '广州电子厂',
};

function reading(language: Language): AuditReading {
  const i18n = createI18n(language);
  return { t: i18n.t, i18n, language, names: NAMES };
}

function entry(part: Partial<AuditEntry> & Pick<AuditEntry, 'table' | 'action' | 'before' | 'after'>): AuditEntry {
  return { id: 'a1', at: '2026-02-16T22:30:00.000Z', operator: '王调度', recordId: BATCH, ...part };
}

const statusStep = entry({
  table: 'batches',
  action: 'update',
  before: { id: BATCH, name: '田东第一批', status: 'draft', updatedAt: '2026-02-15T01:00:00.000Z' },
  after: { id: BATCH, name: '田东第一批', status: 'planned', updatedAt: '2026-02-16T22:30:00.000Z' },
});

const check = entry({
  table: 'healthChecks',
  recordId: 'hc-5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9',
  action: 'create',
  before: null,
  after: {
    id: 'hc-5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9',
    batchId: BATCH,
    workerId: WORKER,
    checkedAt: '2026-02-16T23:40:00.000Z',
    temperatureC: 36.5,
    symptoms: ['cough'],
    healthCode: 'green',
    contactWithConfirmedCase: false,
    result: 'pass',
    examiner: '李医生',
  },
});

const placement = entry({
  table: 'workers',
  recordId: WORKER,
  action: 'update',
  before: { id: WORKER, name: '张三', enterpriseId: null, status: 'registered' },
  after: { id: WORKER, name: '张三', enterpriseId: ENTERPRISE, status: 'assigned' },
});

const escorts = entry({
  table: 'batches',
  action: 'update',
  before: { name: '田东第一批', escorts: [{ id: 's1', name: '王五', phone: '13800000000' }] },
  after: {
    name: '田东第一批',
    escorts: [
      { id: 's1', name: '王五', phone: '13800000001' },
      { id: 's2', name: '李四', phone: '13800000002' },
    ],
  },
});

/** Forty-five vehicles on a leg, one of them relabelled: the same count before and after. */
const vehicles = (label: string) =>
  Array.from({ length: 45 }, (_, index) => ({
    id: `v${index}`,
    kind: 'coach',
    label: index === 0 ? label : `${index}`,
  }));
const seating = entry({
  table: 'batches',
  action: 'update',
  before: { name: '田东第一批', legs: [{ legId: 'l1', vehicles: vehicles('0') }] },
  after: { name: '田东第一批', legs: [{ legId: 'l1', vehicles: vehicles('粤A·12345') }] },
});

const tick = entry({
  table: 'checklistTicks',
  recordId: 'ct-0a0b0c0d-1e1f-4a2b-8c3d-4e5f6a7b8c9d',
  action: 'create',
  before: null,
  after: {
    batchId: BATCH,
    item: 'organization.roster-locked',
    tickedBy: '王调度',
    tickedAt: '2026-02-16T22:30:00.000Z',
    note: '',
  },
});

const assignment = entry({
  table: 'assignments',
  recordId: 'as-11112222-3333-4444-5555-666677778888',
  action: 'update',
  before: { batchId: BATCH, workerId: WORKER, boarding: 'pending', seats: [] },
  after: { batchId: BATCH, workerId: WORKER, boarding: 'boarded', seats: [] },
});

const ALL = [statusStep, check, placement, escorts, seating, tick, assignment];

/** Everything the trail says about a row: its summary, its record, and each line of its detail. */
function everything(row: AuditEntry, language: Language): string {
  const r = reading(language);
  const details = fieldChanges(row).map((change) => {
    const values = changeValues(row.table, change, r);
    return `${fieldLabel(row.table, change.field, r)} ${values.before} ${values.after}`;
  });
  return [changeSummary(row, r, 20), recordLabel(row, r), ...details].join('\n');
}

describe('the audit trail, as people read it', () => {
  it('names the sync connection and its fields when it was changed, in both languages', () => {
    const binding = { id: 'sync-binding', serverUrl: 'https://a.cn', database: 'county-522601', user: 'office' };
    const row = entry({
      table: 'installation',
      recordId: 'sync-binding',
      action: 'update',
      before: { ...binding, savedAt: '2026-02-15T01:00:00.000Z' },
      after: { ...binding, serverUrl: 'https://b.cn', savedAt: '2026-02-16T22:30:00.000Z' },
    });
    expect(everything(row, 'zh-CN')).toContain('多机同步\n服务器地址 https://a.cn https://b.cn');
    expect(everything(row, 'en')).toContain('Sync with other PCs\nServer address https://a.cn https://b.cn');
  });

  it('says a follow-up contact’s method, outcome and needs in words, not as stored words', () => {
    const contact = entry({
      table: 'contacts',
      action: 'create',
      before: null,
      after: { method: 'wechat', outcome: 'changed-job', needs: ['rights', 'training'], date: '2026-11-30' },
    });
    const zh = everything(contact, 'zh-CN');
    for (const words of ['微信', '已换工作', '欠薪或其他维权', '技能培训']) expect(zh).toContain(words);
    const en = everything(contact, 'en');
    for (const words of ['WeChat', 'Changed job', 'Training']) expect(en).toContain(words);
    expect(`${zh}\n${en}`).not.toMatch(/changed-job|wechat|\btraining\b/);
  });

  it('names a status step with the screens’ words, in both languages', () => {
    expect(changeSummary(statusStep, reading('zh-CN'))).toBe('状态 草稿 → 已编排');
    expect(changeSummary(statusStep, reading('en'))).toBe('Status: Draft → Planned');
  });

  it('says a health check’s colour, verdict and symptoms as the station does, and its time in Beijing time', () => {
    const zh = everything(check, 'zh-CN');
    expect(zh).toContain('绿码');
    expect(zh).toContain('合格');
    expect(zh).toContain('咳嗽');
    expect(zh).toContain('2026年2月17日 07:40');
    expect(zh).toContain('张三 · 田东第一批');
    const en = everything(check, 'en');
    expect(en).toContain('Green');
    expect(en).toContain('Cough');
    expect(en).toMatch(/Feb 17, 2026/);
  });

  it('names the enterprise a worker was placed with, not its id', () => {
    expect(changeSummary(placement, reading('zh-CN'))).toBe('接收企业 — → 广州电子厂；状态 已登记 → 已编入批次');
    expect(changeSummary(placement, reading('en'))).toContain('Receiving enterprise: — → 广州电子厂');
  });

  it('says who was added to a list and how many items changed, never "n 项 → n 项"', () => {
    expect(changeSummary(escorts, reading('zh-CN'))).toBe('随车人员 新增 李四、1 项有修改');
    expect(changeSummary(escorts, reading('en'))).toBe('Escorts: added 李四, 1 changed');
    expect(changeSummary(seating, reading('zh-CN'))).toBe('行程 1 项有修改');
    expect(changeSummary(seating, reading('en'))).toBe('Legs: 1 changed');
  });

  it('names a checklist tick by its item and batch, and a passenger by name and batch', () => {
    expect(recordLabel(tick, reading('zh-CN'))).toBe('人员名单已确认并锁定 · 田东第一批');
    expect(recordLabel(tick, reading('en'))).toBe('Roster confirmed and locked · 田东第一批');
    expect(recordLabel(assignment, reading('zh-CN'))).toBe('张三 · 田东第一批');
    expect(changeSummary(assignment, reading('zh-CN'))).toBe('登车 未登车 → 已登车');
    expect(changeSummary(assignment, reading('en'))).toBe('Boarding: Not boarded → Boarded');
  });

  it('says where a restored backup came from in words, not as the stored word', () => {
    const restore = entry({
      table: '*',
      recordId: 'backup',
      action: 'restore',
      before: { workers: 3 },
      after: { restored: { workers: 5 }, origin: 'bad-signature', installation: 'f2b1c3d4', restoredBy: '王调度' },
    });
    const zh = everything(restore, 'zh-CN');
    expect(zh).toContain('备份来源');
    expect(zh).toContain('签名无效（制作后被改动过）');
    expect(zh).toContain('恢复人');
    expect(zh).not.toContain('bad-signature');
    expect(zh).not.toContain('其他内容');
    const en = everything(restore, 'en');
    expect(en).toContain('Signature invalid (changed after it was made)');
    expect(en).not.toContain('bad-signature');
  });

  it('shows no record id, no ISO time and no stored word anywhere, in either language', () => {
    const ids = [WORKER, BATCH, ENTERPRISE, check.recordId, tick.recordId, assignment.recordId, 's1', 'v0', 'l1'];
    const words = ['draft', 'planned', 'green', 'pass', 'cough', 'pending', 'boarded', 'registered', 'assigned'];
    for (const language of ['zh-CN', 'en'] as const) {
      for (const row of ALL) {
        const text = everything(row, language);
        expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}/);
        for (const id of ids) expect(text).not.toContain(id);
        // Chinese text has no stored English word at all; English has none of the stored forms.
        if (language === 'zh-CN') expect(text).not.toMatch(/[a-z]{2,}/);
        else for (const word of words) expect(text).not.toMatch(new RegExp(`(?<!Not )\\b${word}\\b`));
        expect(text).not.toMatch(/\{|\}|undefined|\[object/);
      }
    }
  });
});

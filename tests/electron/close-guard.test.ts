import { describe, expect, it } from 'vitest';
import { closeDecision, closeQuestion, closesAfter } from '@electron/main/close-guard';

describe('closing the window during long work', () => {
  it('closes at once when nothing runs', () => {
    expect(closeDecision([], false)).toBe('close');
  });

  it('asks while an import, a restore or a print runs', () => {
    expect(closeDecision(['import'], false)).toBe('ask');
    expect(closeDecision(['restore'], false)).toBe('ask');
    expect(closeDecision(['print', 'import'], false)).toBe('ask');
  });

  it('closes once the person answered "close anyway"', () => {
    expect(closeDecision(['restore'], true)).toBe('close');
  });

  it('asks in Chinese, naming the work, with "continue working" first and as the default', () => {
    const question = closeQuestion('zh-CN', ['import', 'print']);
    expect(question.message).toBe('正在导入名单、生成打印文件，现在关闭会中断它。');
    expect(question.buttons).toEqual(['继续工作', '仍然关闭']);
    expect(question.defaultId).toBe(0);
    expect(question.cancelId).toBe(0);
  });

  it('asks in English when that is the person’s language', () => {
    const question = closeQuestion('en', ['restore']);
    expect(question.message).toBe('The app is restoring a backup; closing now interrupts it.');
    expect(question.buttons).toEqual(['Continue working', 'Close anyway']);
  });

  it('closes only on the second button; Escape or closing the dialog keeps working', () => {
    expect(closesAfter(1)).toBe(true);
    expect(closesAfter(0)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';

import { namePinyin } from '@shared/domain/pinyin';

describe('namePinyin reads a name as people type it in search', () => {
  it('gives the toneless pinyin and its initials in lower-case ASCII', () => {
    expect(namePinyin('张三')).toEqual({ full: 'zhangsan', initials: 'zs' });
    expect(namePinyin('黄文光')).toEqual({ full: 'huangwenguang', initials: 'hwg' });
  });

  it('writes ü as v, the way pinyin input methods type it', () => {
    expect(namePinyin('吕女')).toEqual({ full: 'lvnv', initials: 'ln' });
  });

  it('ignores spaces and full-width forms typed into the name', () => {
    expect(namePinyin('  张 三 ')).toEqual({ full: 'zhangsan', initials: 'zs' });
    expect(namePinyin('　覃文光')).toEqual({ full: 'qinwenguang', initials: 'qwg' });
  });
});

describe('namePinyin reads the surname with its surname reading', () => {
  it.each([
    ['覃文光', 'qinwenguang', 'qwg'],
    ['区美玲', 'oumeiling', 'oml'],
    ['单志强', 'shanzhiqiang', 'szq'],
    ['曾海涛', 'zenghaitao', 'zht'],
    ['仇建国', 'qiujianguo', 'qjg'],
    ['解国华', 'xieguohua', 'xgh'],
    ['查明亮', 'zhamingliang', 'zml'],
    ['朴春生', 'piaochunsheng', 'pcs'],
  ])('%s', (name, full, initials) => {
    expect(namePinyin(name)).toEqual({ full, initials });
  });

  it('reads compound surnames as surnames', () => {
    expect(namePinyin('欧阳锋')).toEqual({ full: 'ouyangfeng', initials: 'oyf' });
    expect(namePinyin('尉迟恭')).toEqual({ full: 'yuchigong', initials: 'ycg' });
    expect(namePinyin('万俟卨').full).toBe('moqixie');
  });

  it('keeps the ordinary reading for the same character in the given name', () => {
    expect(namePinyin('单单').full).toBe('shandan');
    expect(namePinyin('曾曾').full).toBe('zengceng');
  });
});

describe('namePinyin reads minority names written with a middle dot', () => {
  it('skips the dot', () => {
    expect(namePinyin('阿依古丽·买买提')).toEqual({ full: 'ayigulimaimaiti', initials: 'ayglmmt' });
  });

  it.each(['阿依古丽•买买提', '阿依古丽・买买提', '阿依古丽．买买提', '阿依古丽.买买提'])(
    'reads %s, typed with another dot, the same',
    (typed) => {
      expect(namePinyin(typed)).toEqual(namePinyin('阿依古丽·买买提'));
    },
  );
});

describe('namePinyin keeps the rest of a name with rare characters', () => {
  it('reads rare characters that pinyin-pro knows', () => {
    expect(namePinyin('韦䶮')).toEqual({ full: 'weiyan', initials: 'wy' });
    expect(namePinyin('黄堃')).toEqual({ full: 'huangkun', initials: 'hk' });
    expect(namePinyin('韦喆明')).toEqual({ full: 'weizheming', initials: 'wzm' });
    expect(namePinyin('覃燊').full).toBe('qinshen');
  });

  it('skips a character it can not read, also one written as a surrogate pair', () => {
    expect('𠮷').toHaveLength(2);
    expect(namePinyin('黄𠮷明')).toEqual({ full: 'huangming', initials: 'hm' });
    expect(namePinyin('覃𠮷')).toEqual({ full: 'qin', initials: 'q' });
    expect(namePinyin('𠮷')).toEqual({ full: '', initials: '' });
  });

  it('gives nothing for an empty name', () => {
    expect(namePinyin('')).toEqual({ full: '', initials: '' });
  });
});

describe('namePinyin keeps Latin letters', () => {
  it('lower-cases them and counts each run of letters as one word', () => {
    expect(namePinyin('李Anna')).toEqual({ full: 'lianna', initials: 'la' });
    expect(namePinyin('John Smith')).toEqual({ full: 'johnsmith', initials: 'js' });
  });

  it('folds full-width letters', () => {
    expect(namePinyin('王ＡＢ')).toEqual({ full: 'wangab', initials: 'wa' });
  });
});

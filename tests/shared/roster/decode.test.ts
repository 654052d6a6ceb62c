import { describe, expect, it } from 'vitest';

import { decodeText } from '@shared/roster/decode';

/** Bytes from hex, so that GBK text can be written down: TextEncoder only encodes UTF-8. */
function hex(text: string): number[] {
  return (text.match(/[0-9a-f]{2}/gi) ?? []).map((pair) => Number.parseInt(pair, 16));
}

function ascii(text: string): number[] {
  return [...new TextEncoder().encode(text)];
}

/** 姓名,性别 / 张三,男 / 韦秀英,女 in GBK (code page 936), as Chinese Excel saves "CSV". */
const GBK_ROSTER = new Uint8Array([
  ...hex('d0d5 c3fb'),
  ...ascii(','),
  ...hex('d0d4 b1f0'),
  ...ascii('\r\n'),
  ...hex('d5c5 c8fd'),
  ...ascii(','),
  ...hex('c4d0'),
  ...ascii('\r\n'),
  ...hex('cea4 d0e3 d3a2'),
  ...ascii(','),
  ...hex('c5ae'),
]);

describe('decodeText', () => {
  it('reads GBK bytes as GB18030', () => {
    expect(decodeText(GBK_ROSTER)).toEqual({ text: '姓名,性别\r\n张三,男\r\n韦秀英,女', encoding: 'gb18030' });
  });

  it('reads a four-byte GB18030 sequence outside GBK', () => {
    // U+2249C 𢒜, a CJK Extension B character, as GB18030 writes it.
    expect(decodeText(new Uint8Array(hex('95 39 b9 38'))).text).toBe('𢒜');
  });

  it('reads UTF-8 without a byte order mark', () => {
    const bytes = new TextEncoder().encode('姓名,身份证号\n阿依古丽·买买提,𠮷');
    expect(decodeText(bytes)).toEqual({ text: '姓名,身份证号\n阿依古丽·买买提,𠮷', encoding: 'utf-8' });
  });

  it('drops a UTF-8 byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('姓名')]);
    expect(decodeText(bytes)).toEqual({ text: '姓名', encoding: 'utf-8' });
  });

  it('reads UTF-16 with a byte order mark, as Excel saves "Unicode text"', () => {
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0xd3, 0x59, 0x0d, 0x54]))).toEqual({
      text: '姓名',
      encoding: 'utf-16le',
    });
    expect(decodeText(new Uint8Array([0xfe, 0xff, 0x59, 0xd3, 0x54, 0x0d]))).toEqual({
      text: '姓名',
      encoding: 'utf-16be',
    });
  });

  it('reads plain ASCII as UTF-8', () => {
    expect(decodeText(new TextEncoder().encode('Name,Phone'))).toEqual({ text: 'Name,Phone', encoding: 'utf-8' });
  });
});

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '@shared/csp';
import {
  ICON_SOURCE,
  LINUX_ICON_SIZES,
  renderIconSet,
  WINDOWS_ICON_SIZES,
  type IconFile,
} from '../../resources/icon-set';
import { PROJECT_ROOT } from './packaging';

let made: IconFile[];

beforeAll(async () => {
  made = await renderIconSet(await readFile(join(PROJECT_ROOT, ICON_SOURCE), 'utf8'));
});

const committed = (path: string): Promise<Buffer> => readFile(join(PROJECT_ROOT, path));

/** The width and height of each image in an .ico file, from its directory (0 stands for 256). */
function icoSizes(ico: Buffer): number[] {
  expect(ico.readUInt16LE(2)).toBe(1);
  return Array.from({ length: ico.readUInt16LE(4) }, (_, index) => {
    const width = ico.readUInt8(6 + index * 16);
    expect(ico.readUInt8(7 + index * 16)).toBe(width);
    return width === 0 ? 256 : width;
  });
}

describe('the icons', () => {
  it('are what `npm run icons` makes from the drawing now committed (run it after changing icon.svg)', async () => {
    for (const file of made) {
      expect(Buffer.compare(await committed(file.path), Buffer.from(file.bytes)), file.path).toBe(0);
    }
  });

  it('give Windows one .ico with every size its shell shows', async () => {
    expect(icoSizes(await committed('resources/icon.ico'))).toEqual([...WINDOWS_ICON_SIZES]);
  });

  it('give Linux one square PNG per size, up to 512 px, and macOS 1024 px', async () => {
    for (const size of LINUX_ICON_SIZES) {
      const png = PNG.sync.read(await committed(`resources/icons/${size}x${size}.png`));
      expect([png.width, png.height]).toEqual([size, size]);
    }
    const mac = PNG.sync.read(await committed('resources/icon.png'));
    expect([mac.width, mac.height]).toEqual([1024, 1024]);
    const icns = await committed('resources/icon.icns');
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
  });

  it('give the page its favicon from the same drawing, allowed by the content security policy', async () => {
    const html = await readFile(join(PROJECT_ROOT, 'renderer/index.html'), 'utf8');
    expect(html).toMatch(/<link rel="icon" type="image\/svg\+xml" href="\.\/icon\.svg" \/>/);
    expect(await committed('renderer/public/icon.svg')).toEqual(await committed(ICON_SOURCE));
    // The favicon is an image from the app's own origin.
    expect(CONTENT_SECURITY_POLICY).toMatch(/img-src 'self'/);
  });
});

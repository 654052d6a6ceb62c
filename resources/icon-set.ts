/**
 * Every icon file the app ships, made from one drawing (resources/icon.svg): the sizes each
 * platform's packaging asks for (issue 21). `npm run icons` writes them; tests/build/icons.test.ts
 * checks that the committed files are what this makes from the committed drawing.
 */
import { Resvg } from '@resvg/resvg-js';
import pngToIco from 'png-to-ico';

/** The drawing every icon comes from. */
export const ICON_SOURCE = 'resources/icon.svg';

/** The sizes in the Windows .ico: the shell picks 16–48 for lists and shortcuts, 256 for large tiles. */
export const WINDOWS_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

/** Linux desktops look for one PNG per size in resources/icons/NxN.png (electron-builder's layout). */
export const LINUX_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;

/**
 * The macOS .icns entries with PNG data (type code, pixels). macOS scales the smallest from these.
 * https://en.wikipedia.org/wiki/Apple_Icon_Image_format
 */
const MAC_ICON_ENTRIES: readonly (readonly [string, number])[] = [
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
];

/** One file to write: its path from the project root, and its bytes. */
export interface IconFile {
  path: string;
  bytes: Uint8Array;
}

/** The drawing as a square PNG of `size` pixels. */
export function renderPng(svg: string, size: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

/** An .icns container: a header with the total length, then each entry as type, length and PNG. */
export function icnsOf(entries: readonly (readonly [string, Buffer])[]): Buffer {
  const chunks = entries.map(([type, png]) => {
    const header = Buffer.alloc(8);
    header.write(type, 0, 'ascii');
    header.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([header, png]);
  });
  const header = Buffer.alloc(8);
  header.write('icns', 0, 'ascii');
  header.writeUInt32BE(8 + chunks.reduce((total, chunk) => total + chunk.length, 0), 4);
  return Buffer.concat([header, ...chunks]);
}

/** Every icon file, from the drawing's text. */
export async function renderIconSet(svg: string): Promise<IconFile[]> {
  const pngs = new Map<number, Buffer>();
  const png = (size: number): Buffer => {
    const made = pngs.get(size) ?? renderPng(svg, size);
    pngs.set(size, made);
    return made;
  };
  return [
    // The renderer's favicon is the drawing itself (renderer/index.html): sharp at any size.
    { path: 'renderer/public/icon.svg', bytes: Buffer.from(svg, 'utf8') },
    ...LINUX_ICON_SIZES.map((size) => ({ path: `resources/icons/${size}x${size}.png`, bytes: png(size) })),
    { path: 'resources/icon.png', bytes: png(1024) },
    { path: 'resources/icon.ico', bytes: await pngToIco(WINDOWS_ICON_SIZES.map(png)) },
    { path: 'resources/icon.icns', bytes: icnsOf(MAC_ICON_ENTRIES.map(([type, size]) => [type, png(size)])) },
  ];
}

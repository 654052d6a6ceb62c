/** `npm run icons`: writes every icon file from resources/icon.svg (see resources/icon-set.ts). */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ICON_SOURCE, renderIconSet } from './icon-set';

const root = resolve(import.meta.dirname, '..');
const files = await renderIconSet(await readFile(resolve(root, ICON_SOURCE), 'utf8'));
for (const file of files) {
  await mkdir(dirname(resolve(root, file.path)), { recursive: true });
  await writeFile(resolve(root, file.path), file.bytes);
  process.stdout.write(`${file.path} (${file.bytes.length} bytes)\n`);
}

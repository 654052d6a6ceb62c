/**
 * What the packaging tests read: the electron-builder configuration as the builder itself reads it,
 * and the files it would put into app.asar, decided by the builder's own pattern matcher.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { Configuration } from 'app-builder-lib';
import { getConfig } from 'app-builder-lib/out/util/config/config';
import { FileMatcher } from 'app-builder-lib/out/fileMatcher';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

/** electron-builder.yml, found, read and normalised by electron-builder's own loader. */
export function readBuilderConfig(): Promise<Configuration> {
  return getConfig(PROJECT_ROOT, null, null);
}

/** The top-level `files` patterns, in order (the loader turns them into one file set). */
export function filePatterns(config: Configuration): string[] {
  const sets = Array.isArray(config.files) ? config.files : config.files == null ? [] : [config.files];
  return sets.flatMap((set) => {
    if (typeof set === 'string') return [set];
    if (set.from != null && set.from !== '.') throw new Error(`files from ${set.from}: not expected here`);
    return set.filter == null ? [] : Array.isArray(set.filter) ? set.filter : [set.filter];
  });
}

async function walk(root: string, accept: (path: string, isDirectory: boolean) => boolean): Promise<string[]> {
  const found: string[] = [];
  const visit = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (!accept(path, entry.isDirectory())) continue;
      if (entry.isDirectory()) await visit(path);
      else found.push(relative(root, path).split(sep).join('/'));
    }
  };
  await visit(root);
  return found.sort();
}

/**
 * The files of `root` that would go into app.asar: the project's own files that the `files` patterns
 * select (the builder always leaves node_modules out of this part), and then the production
 * dependencies under node_modules, which the builder copies unless an exclusion in `files` drops
 * them (it matches them against "**\/*" and the exclusions only: app-builder-lib's
 * getNodeModuleFileMatcher).
 */
type Filter = ReturnType<FileMatcher['createFilter']>;

/** The builder's filter asks a file's stat only whether it is a folder. */
const accepting =
  (filter: Filter) =>
  (path: string, isDirectory: boolean): boolean =>
    filter(path, { isDirectory: () => isDirectory } as unknown as Parameters<Filter>[1]);

export async function packagedFiles(root: string, patterns: readonly string[]): Promise<string[]> {
  const identity = (pattern: string): string => pattern;
  const own = accepting(new FileMatcher(root, '/', identity, ['!**/node_modules/**', ...patterns]).createFilter());
  const dependencies = accepting(
    new FileMatcher(root, '/', identity, [
      '**/*',
      ...patterns.filter((pattern) => pattern.startsWith('!')),
    ]).createFilter(),
  );
  const modules = join(root, 'node_modules');
  const ownFiles = await walk(root, (path, isDirectory) => path !== modules && own(path, isDirectory));
  const hasModules = await stat(modules).then(
    (found) => found.isDirectory(),
    () => false,
  );
  const moduleFiles = hasModules ? await walk(modules, dependencies) : [];
  return [...ownFiles, ...moduleFiles.map((file) => `node_modules/${file}`)].sort();
}

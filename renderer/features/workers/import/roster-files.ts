import type { RosterFormat } from '@shared/roster';
import { platform } from '@renderer/platform';

/** Saves a roster file (a template, the rows not imported) where the user says; its name, or null when they give up. */
export async function saveRosterFile(bytes: Uint8Array, name: string, extension: RosterFormat): Promise<string | null> {
  const result = await platform.saveFile({
    suggestedName: `${name}.${extension}`,
    filters: [{ name: extension === 'xlsx' ? 'Excel' : 'CSV', extensions: [extension] }],
    data: bytes,
  });
  return result.saved ? (result.fileName ?? `${name}.${extension}`) : null;
}

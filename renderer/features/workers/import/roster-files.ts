import type { RosterFormat } from '@shared/roster';
import { platform } from '@renderer/platform';
import { safeFileName } from '@shared/file-name';

/** Saves a roster file (a template, the rows not imported) where the user says; its name, or null when they give up. */
export async function saveRosterFile(bytes: Uint8Array, name: string, extension: RosterFormat): Promise<string | null> {
  const suggestedName = safeFileName([name], extension, 'roster');
  const result = await platform.saveFile({
    suggestedName,
    filters: [{ name: extension === 'xlsx' ? 'Excel' : 'CSV', extensions: [extension] }],
    data: bytes,
  });
  return result.saved ? (result.fileName ?? suggestedName) : null;
}

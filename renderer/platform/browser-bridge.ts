import { BRIDGE_ERRORS } from '../../shared/bridge';
import type {
  OpenFileRequest,
  OpenFileResult,
  OpenSavedFileRequest,
  OpenSavedFileResult,
  PlannerBridge,
  SaveFileRequest,
  SaveFileResult,
} from '../../shared/bridge';

function isOnArrayBuffer(bytes: Uint8Array): bytes is Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer;
}

/**
 * The last file handed to the browser's downloads, to open it in a tab for printing: the browser
 * cannot open a downloaded file with the system's viewer. One is kept, so the bytes of earlier
 * downloads are not held for the session.
 */
let lastSaved: { id: string; blob: Blob } | null = null;

/** The MIME type of a download, so that a tab shows a PDF with the browser's viewer. */
function mimeTypeOf(fileName: string): string {
  return /\.pdf$/i.test(fileName) ? 'application/pdf' : 'application/octet-stream';
}

function saveFile(request: SaveFileRequest): Promise<SaveFileResult> {
  // Blob takes bytes on an ArrayBuffer only; without cross-origin isolation nothing else occurs, so no copy is made.
  const bytes = isOnArrayBuffer(request.data) ? request.data : new Uint8Array(request.data);
  const blob = new Blob([bytes], { type: mimeTypeOf(request.suggestedName) });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = request.suggestedName;
  link.click();
  // The download has started by the time the click returns; revoke later so slow disks still get the bytes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  const id = crypto.randomUUID();
  lastSaved = { id, blob };
  return Promise.resolve({ saved: true, fileName: request.suggestedName, savedFileId: id });
}

/** Opens the last download in a new tab (the browser's PDF viewer prints it); nothing else can be opened. */
function openSavedFile(request: OpenSavedFileRequest): Promise<OpenSavedFileResult> {
  if (lastSaved?.id !== request.savedFileId || lastSaved.blob.type !== 'application/pdf') {
    return Promise.resolve({ opened: false });
  }
  const url = URL.createObjectURL(lastSaved.blob);
  const tab = window.open(url, '_blank');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return Promise.resolve({ opened: tab !== null });
}

function openFile(request: OpenFileRequest): Promise<OpenFileResult> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = request.filters.flatMap((f) => f.extensions.map((ext) => `.${ext}`)).join(',');
    input.addEventListener('cancel', () => resolve(null));
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return resolve(null);
      if (file.size > request.maxBytes) return reject(new Error(BRIDGE_ERRORS.fileTooLarge));
      file
        .arrayBuffer()
        .then((buffer) => resolve({ fileName: file.name, data: new Uint8Array(buffer) }))
        .catch(reject);
    });
    input.click();
  });
}

export const browserBridge: PlannerBridge = {
  saveFile,
  openFile,
  openSavedFile,
  appInfo: () => Promise.resolve({ version: __APP_VERSION__, dataFolder: '', platform: 'web' }),
};

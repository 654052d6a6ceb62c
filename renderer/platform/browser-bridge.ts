import { BRIDGE_ERRORS } from '../../shared/bridge';
import type {
  OpenFileRequest,
  OpenFileResult,
  PlannerBridge,
  SaveFileRequest,
  SaveFileResult,
} from '../../shared/bridge';

function isOnArrayBuffer(bytes: Uint8Array): bytes is Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer;
}

function saveFile(request: SaveFileRequest): Promise<SaveFileResult> {
  // Blob takes bytes on an ArrayBuffer only; without cross-origin isolation nothing else occurs, so no copy is made.
  const bytes = isOnArrayBuffer(request.data) ? request.data : new Uint8Array(request.data);
  const blob = new Blob([bytes]);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = request.suggestedName;
  link.click();
  // The download has started by the time the click returns; revoke later so slow disks still get the bytes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return Promise.resolve({ saved: true, fileName: request.suggestedName });
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
  appInfo: () => Promise.resolve({ version: __APP_VERSION__, dataFolder: '', platform: 'web' }),
};

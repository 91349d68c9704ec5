// Saves what the worker built (text or bytes) as a download through a temporary object URL; no
// server is involved. Kept beside the export menu so src/ui/download.ts stays text-only.

export function downloadBytes(filename: string, data: string | Uint8Array, mime: string): void {
  // Bytes that came through postMessage sit on a plain ArrayBuffer (never a SharedArrayBuffer), which
  // is what Blob needs; the cast says so without copying a zip of tens of MB.
  const part = typeof data === 'string' ? data : (data as Uint8Array<ArrayBuffer>);
  const url = URL.createObjectURL(new Blob([part], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  // Revoked later, not at once: some browsers start reading the URL after click() returns.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}

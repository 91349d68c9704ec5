// Saves what the page or the worker built as a file, through a temporary object URL: no server is
// involved. The one place that does it (issue 11: three copies before).

/** Saves a Blob (e.g. one the worker built) as `filename`. */
export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  // Revoked later, not at once: some browsers start reading the URL after click() returns.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}

/** Saves text or bytes as `filename` of type `mime`. */
export function downloadFile(filename: string, data: string | Uint8Array, mime: string): void {
  // Bytes that came through postMessage sit on a plain ArrayBuffer (never a SharedArrayBuffer), which
  // is what Blob needs; the cast says so without copying a zip of tens of MB.
  const part = typeof data === 'string' ? data : (data as Uint8Array<ArrayBuffer>);
  downloadBlob(filename, new Blob([part], { type: mime }));
}

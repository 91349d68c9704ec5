// git's id of a file's content (a "blob"): sha1 of `blob <byte length>\0` followed by the bytes. The
// GitHub-file source checks a download against the id recorded for the pinned file, so a changed,
// truncated or substituted file is caught before it becomes examples. Web Crypto's SHA-1 (workers
// and Node alike): a hash for identity, not for security.

export async function gitBlobId(bytes: Uint8Array): Promise<string> {
  const header = new TextEncoder().encode(`blob ${bytes.length}\0`);
  const whole = new Uint8Array(header.length + bytes.length);
  whole.set(header, 0);
  whole.set(bytes, header.length);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-1', whole));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

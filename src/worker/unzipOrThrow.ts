// Inflating a zip's wanted entries, shared by the dataset and results importers (issue 11): bytes
// that are not a readable zip become the caller's AppError; an AppError thrown by `accept` (a limit
// or a damaged header it found) passes through unchanged.
import { unzipSync } from 'fflate';
import { AppError } from '../core/errors';

export function unzipOrThrow(
  bytes: Uint8Array,
  accept: (path: string, originalSize: number) => boolean,
  unreadable: (reason: string, cause: unknown) => AppError,
): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes, { filter: (file) => accept(file.name, file.originalSize) });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unreadable(error instanceof Error ? error.message : String(error), error);
  }
}

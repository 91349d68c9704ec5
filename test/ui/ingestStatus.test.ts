// The dataset download's status line (IngestPanel): a download that failed in this tab is not
// "interrupted" by a closed page, even when its record could not record the failure (a full disk).
import { describe, expect, it } from 'vitest';
import type { DatasetRecord } from '../../src/core/schema/dataset';
import { ingestStatusText } from '../../src/ui/components/IngestPanel';

function record(status: DatasetRecord['status']): DatasetRecord {
  return { status } as DatasetRecord;
}

describe('ingestStatusText', () => {
  it('says a download that failed here stopped by an error, whatever its record says', () => {
    expect(ingestStatusText(record('fetching'), false, true)).toBe(
      'Stopped by an error. Files already downloaded are kept.',
    );
    expect(ingestStatusText(record('processing'), false, true)).toMatch(/^Stopped by an error/);
    expect(ingestStatusText(record('error'), false, false)).toMatch(/^Stopped by an error/);
  });

  it('says interrupted only for a download no call here ended', () => {
    expect(ingestStatusText(record('fetching'), false, false)).toMatch(
      /^Interrupted \(the page was closed or reloaded\)/,
    );
    expect(ingestStatusText(record('cancelled'), false, true)).toMatch(/^Cancelled/);
    expect(ingestStatusText(record('ready'), false, true)).toBe('Downloaded and processed.');
    expect(ingestStatusText(record('fetching'), true, true)).toBe('Downloading…');
  });

  it('does not say "not downloaded yet" once a download has started', () => {
    expect(ingestStatusText(undefined, false, false)).toBe('Not downloaded yet.');
    expect(ingestStatusText(undefined, true, false)).toBe('Listing the folder…');
  });
});

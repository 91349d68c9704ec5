import { compareByCodeUnit } from '../../sortByCodeUnit';
import type { InputCut, MtSamplesExample, Section } from './processNote';
import { processNote, SECTIONS } from './processNote';

// Turns the downloaded notes into the ordered dataset (spec §1 order, §2 fields). Notes are sorted
// by UTF-16 code unit (git's tree order, the listing's order), so `example_id` is the same for every
// user whatever order the files arrived in.

type MtSamplesDatasetExample = MtSamplesExample & {
  /** Stable across rule versions and subsets: the file name, unique within the folder. */
  id: string;
  /** 0-based position among the kept examples, in sorted order. */
  example_id: number;
};

interface SkippedNote {
  filename: string;
  reason: string;
}

export interface BuiltExamples {
  examples: MtSamplesDatasetExample[];
  skipped: SkippedNote[];
  sectionCounts: Record<Section, number>;
}

export interface NoteFile {
  name: string;
  text: string;
}

/**
 * A folder cannot hold two files with one name, so a duplicate means a broken listing or a
 * double download: the first note with a name (in input order) is kept and each later one is
 * reported in `skipped` rather than dropped silently, because `id` must stay unique.
 */
export function buildExamples(
  notes: readonly NoteFile[],
  options: { inputCut?: InputCut } = {},
): BuiltExamples {
  const examples: MtSamplesDatasetExample[] = [];
  const skipped: SkippedNote[] = [];
  const sectionCounts = Object.fromEntries(SECTIONS.map((s) => [s, 0])) as Record<Section, number>;
  const seen = new Set<string>();
  // Array.prototype.sort is stable, so among equal names the first in input order comes first.
  const sorted = [...notes].sort((a, b) => compareByCodeUnit(a.name, b.name));
  for (const note of sorted) {
    if (seen.has(note.name)) {
      skipped.push({ filename: note.name, reason: 'duplicate file name; the first copy was kept' });
      continue;
    }
    seen.add(note.name);
    const processed = processNote(note.name, note.text, options);
    if (processed.kind === 'skipped') {
      skipped.push({ filename: processed.filename, reason: processed.reason });
      continue;
    }
    const { example } = processed;
    examples.push({ ...example, id: example.filename, example_id: examples.length });
    sectionCounts[example.extracted_section] += 1;
  }
  return { examples, skipped, sectionCounts };
}

// What the user reads before a corpus leaves the browser as a training file: the licence exactly as
// the card states it, and which benchmarks' items the corpus contains (spec §4).
import { catalogEntry, contaminationFor, isLicenceStated, type Contamination } from './catalog';

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/** One paragraph on benchmark contamination, or null when the catalog knows of none. */
function contaminationText(contamination: Contamination): string | null {
  const sentences: string[] = [];
  if (contamination.evaluationItemsOf.length > 0) {
    sentences.push(
      `Contains ${list(contamination.evaluationItemsOf)} evaluation items: a model trained on this cannot be evaluated fairly on ${contamination.evaluationItemsOf.length === 1 ? 'that benchmark' : 'those benchmarks'}.`,
    );
  }
  if (contamination.trainingItemsOf.length > 0) {
    sentences.push(
      `Contains ${list(contamination.trainingItemsOf)} training items: scores on ${contamination.trainingItemsOf.length === 1 ? 'that benchmark' : 'those benchmarks'} after training on it measure in-distribution fit, and near-duplicates of test items are possible.`,
    );
  }
  if (sentences.length === 0) return null;
  return [contamination.note, ...sentences].filter((s) => s !== '').join(' ');
}

/** The contamination warning for a dataset split, or null (also for datasets not in the catalog). */
export function contaminationWarning(
  dataset: string,
  config: string,
  split: string,
): string | null {
  const entry = catalogEntry(dataset);
  return entry === undefined ? null : contaminationText(contaminationFor(entry, config, split));
}

/** The licence line shown before export; a card that states none is called out. */
export function licenceNotice(dataset: string, viewerLicence: string | null): string {
  const entry = catalogEntry(dataset);
  const licence = entry?.licence ?? viewerLicence ?? 'unknown';
  if (!isLicenceStated(licence)) {
    return `Licence: ${licence} on the dataset card. Without a licence you may not have the right to redistribute this data or train on it; check with its authors.`;
  }
  const differs =
    entry !== undefined &&
    viewerLicence !== null &&
    viewerLicence.toLowerCase() !== licence.toLowerCase();
  return `Licence: ${licence} (as on the dataset card)${differs ? `; the viewer reports "${viewerLicence}"` : ''}. Follow its terms when you use or share the export.`;
}

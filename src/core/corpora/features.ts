// The viewer's `features` (Hugging Face `datasets` types as JSON) as short readable column types,
// with ClassLabel names kept: such columns arrive as integers and their names live only here (spec §1).
import { isJsonObject } from '../jsonObjects';

export interface CorpusFeature {
  name: string;
  /** e.g. `string`, `int64`, `ClassLabel`, `list<string>`, `struct{contexts, labels}`. */
  type: string;
  /** For ClassLabel columns: label names by integer value. */
  classNames?: string[];
}

export function describeFeatureType(type: unknown): string {
  if (Array.isArray(type)) return `list<${describeFeatureType(type[0])}>`;
  if (!isJsonObject(type)) return 'unknown';
  const kind = type._type;
  if (kind === 'Value') return typeof type.dtype === 'string' ? type.dtype : 'value';
  if (kind === 'ClassLabel') return 'ClassLabel';
  if (kind === 'Sequence' || kind === 'List' || kind === 'LargeList') {
    return `list<${describeFeatureType(type.feature)}>`;
  }
  if (typeof kind === 'string') return kind;
  return `struct{${Object.keys(type).join(', ')}}`;
}

function classNamesOf(type: unknown): string[] | undefined {
  if (!isJsonObject(type) || type._type !== 'ClassLabel' || !Array.isArray(type.names))
    return undefined;
  return type.names.map(String);
}

export function toCorpusFeature(name: string, type: unknown): CorpusFeature {
  const classNames = classNamesOf(type);
  return {
    name,
    type: describeFeatureType(type),
    ...(classNames === undefined ? {} : { classNames }),
  };
}

/** Features for rows read without a viewer answer (a loaded corpus): names from the stored columns. */
export function featuresFromColumns(columns: readonly string[]): CorpusFeature[] {
  return columns.map((name) => ({ name, type: 'unknown' }));
}

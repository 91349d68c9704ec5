import type { CatalogEntry } from '../../../core/corpora/catalog';
import type { CorpusTarget } from '../../../core/schema/corpus';
import type { CorpusOverview } from '../../../worker/workerApi';

interface SplitPickerProps {
  entry: CatalogEntry;
  target: CorpusTarget;
  splits: CorpusOverview['splits'] | undefined;
  onChoose: (config: string, split: string) => void;
}

interface SplitOption {
  config: string;
  split: string;
  rows: number | null;
}

/** The catalog's choices first, then any other split the viewer lists; rows as the viewer counts them. */
function splitOptions(entry: CatalogEntry, splits: SplitPickerProps['splits']): SplitOption[] {
  const options: SplitOption[] = entry.choices.map((c) => ({
    config: c.config,
    split: c.split,
    rows: null,
  }));
  for (const s of splits ?? []) {
    const known = options.find((o) => o.config === s.config && o.split === s.split);
    if (known !== undefined) known.rows = s.numRows;
    else options.push({ config: s.config, split: s.split, rows: s.numRows });
  }
  return options;
}

const keyOf = (config: string, split: string) => JSON.stringify([config, split]);

export function SplitPicker({ entry, target, splits, onChoose }: SplitPickerProps) {
  const options = splitOptions(entry, splits);
  return (
    <label>
      Config / split{' '}
      <select
        value={keyOf(target.config, target.split)}
        onChange={(event) => {
          const [config = '', split = ''] = JSON.parse(event.target.value) as string[];
          onChoose(config, split);
        }}
        data-testid="corpus-split"
      >
        {options.map((o) => (
          <option key={keyOf(o.config, o.split)} value={keyOf(o.config, o.split)}>
            {o.config} / {o.split}
            {o.rows === null
              ? ''
              : ` (${o.rows.toLocaleString('en')} ${o.rows === 1 ? 'row' : 'rows'})`}
          </option>
        ))}
      </select>
    </label>
  );
}

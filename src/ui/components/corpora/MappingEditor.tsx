import { EMPTY_MAPPING, type ColumnPreset } from '../../../core/corpora/columnPresets';
import { checkMapping } from '../../../core/corpora/mappingCheck';
import type { ChatMapping } from '../../../core/schema/corpus';
import type { CorpusRow } from '../../../worker/workerApi';
import { MappingPreview } from './MappingPreview';
import { MarkersFields } from './MarkersFields';
import { TemplateFields } from './TemplateFields';

export interface MappingDraft {
  mapping: ChatMapping;
  /** The user has checked a guessed preset's column names against the real columns. */
  isConfirmed: boolean;
}

interface MappingEditorProps {
  preset: ColumnPreset | undefined;
  draft: MappingDraft;
  onDraft: (draft: MappingDraft) => void;
  features: readonly string[];
  rows: readonly CorpusRow[];
}

const MARKERS_DEFAULT: ChatMapping = {
  mode: 'markers',
  column: '',
  userMarker: '[|Human|]',
  assistantMarker: '[|AI|]',
  preamble: 'drop',
};

/** Edits a copy of the dataset's preset; shows the real columns, problems and a live preview. */
export function MappingEditor({ preset, draft, onDraft, features, rows }: MappingEditorProps) {
  const { mapping } = draft;
  const needsConfirmation = preset?.isGuess === true && !draft.isConfirmed;
  const check = checkMapping(mapping, features, needsConfirmation);
  const setMapping = (next: ChatMapping) => onDraft({ ...draft, mapping: next });
  return (
    <section className="panel" aria-labelledby="corpus-mapping-title">
      <h2 id="corpus-mapping-title">Chat mapping</h2>
      {preset !== undefined && <p className="muted">{preset.note}</p>}
      <div className="toolbar">
        <label>
          Mode{' '}
          <select
            value={mapping.mode}
            onChange={(e) =>
              setMapping(e.target.value === 'markers' ? MARKERS_DEFAULT : { ...EMPTY_MAPPING })
            }
          >
            <option value="template">templates over columns</option>
            <option value="markers">conversation with turn markers</option>
          </select>
        </label>
        <button
          type="button"
          onClick={() => onDraft({ mapping: preset?.mapping ?? EMPTY_MAPPING, isConfirmed: false })}
        >
          Reset to preset
        </button>
      </div>
      <p className="small">
        Columns of this split: {features.length === 0 ? 'not known yet' : features.join(', ')}
      </p>
      {mapping.mode === 'markers' ? (
        <MarkersFields mapping={mapping} features={features} onChange={setMapping} />
      ) : (
        <TemplateFields mapping={mapping} onChange={setMapping} />
      )}
      {preset?.isGuess === true && (
        <label className="corpus-warning">
          <input
            type="checkbox"
            checked={draft.isConfirmed}
            onChange={(e) => onDraft({ ...draft, isConfirmed: e.target.checked })}
            data-testid="mapping-confirm"
          />{' '}
          The preset’s column names are a guess. I have checked them against the columns above.
        </label>
      )}
      {check.missing.length > 0 && (
        <p className="corpus-warning" role="alert">
          This split has no column {check.missing.map((c) => `“${c}”`).join(', ')}: edit the
          mapping.
        </p>
      )}
      {check.problems.map((problem) => (
        <p key={problem} className="corpus-warning">
          {problem}
        </p>
      ))}
      <h3>Preview</h3>
      <MappingPreview rows={rows} mapping={mapping} />
    </section>
  );
}

import { catalogEntry, defaultChoice } from '../../core/corpora/catalog';
import { CatalogTable } from '../components/corpora/CatalogTable';
import { CorpusWorkspace } from '../components/corpora/CorpusWorkspace';
import { LinkSettingsNotice } from '../components/LinkSettingsNotice';
import { withParams, type HashRoute } from '../hooks/useHashRoute';
import { useSourceSettings } from '../hooks/useSourceSettings';
import '../corpora.css';

// Training corpora named in the HealthBench data guide (spec more-environments §4): browse them
// through the Hugging Face dataset viewer, load whole splits from Parquet, take seeded samples and
// export chat or raw JSONL. The chosen corpus and split live in the URL (`#/corpora?corpus=…`).

export function CorporaPage({ route }: { route: HashRoute }) {
  const entry = catalogEntry(route.params.get('corpus') ?? '');
  const choice = entry === undefined ? undefined : defaultChoice(entry);
  const config = route.params.get('config') ?? choice?.config ?? 'default';
  const split = route.params.get('split') ?? choice?.split ?? 'train';
  const go = (changes: Record<string, string | null>) => {
    window.location.hash = withParams(route, changes);
  };
  const source = useSourceSettings();
  return (
    <div className="page">
      <LinkSettingsNotice source={source} savedOnly />
      <section className="panel" aria-labelledby="corpora-title">
        <h2 id="corpora-title">Training corpora</h2>
        <p className="muted">
          The datasets the HealthBench data guide names for fine-tuning. Licences are as their cards
          state them; check them, and the benchmark items a corpus contains, before you train on it.
          Rows come from the Hugging Face dataset viewer until you load a split into the browser.
        </p>
        <CatalogTable
          selected={entry?.dataset ?? null}
          onSelect={(dataset) => go({ corpus: dataset, config: null, split: null })}
        />
      </section>
      {entry !== undefined && (
        <CorpusWorkspace
          key={`${entry.dataset}\n${config}\n${split}`}
          entry={entry}
          target={{ dataset: entry.dataset, config, split }}
          onChoose={(nextConfig, nextSplit) => go({ config: nextConfig, split: nextSplit })}
        />
      )}
    </div>
  );
}

import { useEffect, useState } from 'react';

/** Typing waits this long before searching: the worker scans every rollout's text per search. */
const DEBOUNCE_MS = 120;

interface SearchBoxProps {
  /** The search in effect (from the URL). */
  value: string;
  isRegex: boolean;
  onSearch: (value: string) => void;
  onRegexChange: (isRegex: boolean) => void;
  onFocus: () => void;
}

/** The full-text search box and its plain/regex toggle. */
export function SearchBox({ value, isRegex, onSearch, onRegexChange, onFocus }: SearchBoxProps) {
  const [draft, setDraft] = useState(value);
  const [applied, setApplied] = useState(value);
  // The URL changed from elsewhere (Back, a link, "clear"): show its search.
  if (value !== applied) {
    setApplied(value);
    setDraft(value);
  }
  useEffect(() => {
    if (draft === applied) return;
    const timer = setTimeout(() => {
      setApplied(draft);
      onSearch(draft);
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, applied, onSearch]);

  return (
    <>
      <label>
        Search
        <input
          type="search"
          value={draft}
          placeholder={isRegex ? 'regular expression' : 'notes, response, reference, judges'}
          onChange={(event) => setDraft(event.target.value)}
          onFocus={onFocus}
          spellCheck={false}
          data-testid="results-search"
        />
      </label>
      <label className="inline">
        <input
          type="checkbox"
          checked={isRegex}
          onChange={(event) => onRegexChange(event.target.checked)}
          data-testid="results-regex"
        />{' '}
        Regex
      </label>
    </>
  );
}

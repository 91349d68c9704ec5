import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import {
  DEFAULT_SOURCE_SETTINGS,
  sourceOverridesFromParams,
  type SourceSettings,
} from '../../core/schema/sourceSettings';
import { readSourceSettings } from '../../data/settingsStore';
import { useServices } from '../appContext';

export interface SourceSettingsState {
  /** What a download uses now: stored settings with any valid link overrides on top. */
  effective: SourceSettings;
  stored: SourceSettings;
  /** URL parameter names that override stored settings (shared mirror links). */
  overriddenBy: string[];
  /** Problems with URL parameters; when present, no override applies. */
  linkProblems: string[];
  isLoaded: boolean;
}

/** Link parameters may sit in the query (`?raw=…#/dataset`) or in the hash route (`#/dataset?raw=…`). */
function linkParams(): URLSearchParams {
  const merged = new URLSearchParams(window.location.search);
  const hashQuery = window.location.hash.split('?', 2)[1];
  if (hashQuery !== undefined) {
    for (const [key, value] of new URLSearchParams(hashQuery)) merged.set(key, value);
  }
  return merged;
}

export function useSourceSettings(): SourceSettingsState {
  const { db } = useServices();
  const stored = useLiveQuery(() => readSourceSettings(db), [db]);
  const link = useMemo(() => sourceOverridesFromParams(linkParams()), []);
  const base = stored ?? DEFAULT_SOURCE_SETTINGS;
  return {
    effective: link.ok ? { ...base, ...link.overrides } : base,
    stored: base,
    overriddenBy: link.ok ? link.keys : [],
    linkProblems: link.ok ? [] : link.problems,
    isLoaded: stored !== undefined,
  };
}

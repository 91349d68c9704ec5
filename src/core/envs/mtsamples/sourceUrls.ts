import type { SourceSettings } from '../../schema/sourceSettings';

// URLs of the pinned MTSamples source (spec §1). File names go in as ONE percent-encoded path
// segment: 116 names contain '&', 7 contain '#', which would otherwise truncate the URL.

export function listingUrl(s: SourceSettings): string {
  return `${s.githubApiBase}/repos/${s.repo}/contents/${s.folder}?ref=${encodeURIComponent(s.commit)}`;
}

export function mirrorListingUrl(s: SourceSettings): string {
  return `${s.mirrorApiBase}/${s.repo}@${s.commit}?structure=flat`;
}

export function rawFileUrl(s: SourceSettings, name: string): string {
  return `${s.rawBase}/${s.repo}/${s.commit}/${s.folder}/${encodeURIComponent(name)}`;
}

export function mirrorFileUrl(s: SourceSettings, name: string): string {
  return `${s.mirrorBase}/${s.repo}@${s.commit}/${s.folder}/${encodeURIComponent(name)}`;
}

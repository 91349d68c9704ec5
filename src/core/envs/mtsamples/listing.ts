import { z } from '../../zod';
import type { ListingEntry } from '../../schema/dataset';
import { compareByCodeUnit } from '../../sortByCodeUnit';

// Parses the folder listing from GitHub's contents API or jsDelivr's flat package listing (spec §1):
// keep files whose name ends in `.txt`, sorted by code unit (git's tree order).

const GithubListingSchema = z.array(
  z.looseObject({
    name: z.string(),
    type: z.string(),
    size: z.number().int().nonnegative().optional(),
    sha: z.string().optional(),
  }),
);

const MirrorListingSchema = z.looseObject({
  files: z.array(
    z.looseObject({
      name: z.string(),
      size: z.number().int().nonnegative().optional(),
      hash: z.string().optional(),
    }),
  ),
});

export type ListingParse = { ok: true; entries: ListingEntry[] } | { ok: false; problem: string };

function finish(entries: ListingEntry[]): ListingParse {
  const unique = new Map<string, ListingEntry>();
  for (const entry of entries) if (!unique.has(entry.name)) unique.set(entry.name, entry);
  const sorted = [...unique.values()].sort((a, b) => compareByCodeUnit(a.name, b.name));
  if (sorted.length === 0) return { ok: false, problem: 'the listing has no .txt files' };
  return { ok: true, entries: sorted };
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'root'}: ${issue.message}` : 'unexpected shape';
}

export function parseGithubListing(json: unknown): ListingParse {
  const parsed = GithubListingSchema.safeParse(json);
  if (!parsed.success)
    return { ok: false, problem: `unexpected listing (${describeIssue(parsed.error)})` };
  return finish(
    parsed.data
      .filter((item) => item.type === 'file' && item.name.toLowerCase().endsWith('.txt'))
      .map((item) => ({ name: item.name, size: item.size, sha: item.sha })),
  );
}

export function parseMirrorListing(json: unknown, folder: string): ListingParse {
  const parsed = MirrorListingSchema.safeParse(json);
  if (!parsed.success)
    return { ok: false, problem: `unexpected listing (${describeIssue(parsed.error)})` };
  const prefix = `/${folder}/`;
  return finish(
    parsed.data.files
      .filter((file) => file.name.startsWith(prefix) && file.name.toLowerCase().endsWith('.txt'))
      .map((file) => file.name.slice(prefix.length))
      .filter((name) => !name.includes('/'))
      .map((name) => ({ name })),
  );
}

// The syntax of corpus row templates (core/corpora/template.ts renders them): `{column}`, `{a.b}`,
// `{column?}` and `{column|filter}`. Here, below the corpus schema, because stored mappings are
// validated with it.

const TEMPLATE_FILTERS = ['letter', 'lettered', 'json'] as const;

export interface Placeholder {
  /** The top-level column the placeholder reads. */
  column: string;
  /** Nested field names below the column (`context.contexts` → ['contexts']). */
  path: readonly string[];
  isOptional: boolean;
  filter: string | null;
}

/** One placeholder: name, optional `?`, optional `|filter`. Global: use with matchAll or replace. */
export const PLACEHOLDER = /\{([^{}|?\n]+?)(\?)?(?:\|([A-Za-z]+))?\}/g;

export function toPlaceholder(name: string, optionalMark?: string, filter?: string): Placeholder {
  const [column = '', ...path] = name.trim().split('.');
  return { column, path, isOptional: optionalMark === '?', filter: filter ?? null };
}

export function placeholdersOf(template: string): Placeholder[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) =>
    toPlaceholder(match[1] ?? '', match[2], match[3]),
  );
}

/** Problems that make a template unusable (unknown filters, empty names); none means valid. */
export function templateProblems(template: string): string[] {
  const problems: string[] = [];
  for (const placeholder of placeholdersOf(template)) {
    if (placeholder.column === '') problems.push('a placeholder has no column name');
    const filter = placeholder.filter;
    if (filter !== null && !(TEMPLATE_FILTERS as readonly string[]).includes(filter)) {
      problems.push(`unknown filter "${filter}" (use ${TEMPLATE_FILTERS.join(', ')})`);
    }
  }
  return problems;
}

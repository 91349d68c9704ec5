import type { DatasetOrigin } from './schema/dataset';

/** One line naming where a dataset came from, pinned revision included. */
export function describeOrigin(origin: DatasetOrigin): string {
  switch (origin.kind) {
    case 'github':
      return `${origin.repo}/${origin.folder} @ ${origin.commit.slice(0, 10)}`;
    case 'huggingface': {
      const revision = origin.resolvedRevision ?? origin.revision;
      return `Hugging Face ${origin.datasets.join(', ')} @ ${revision}`;
    }
    case 'github-files':
      return `GitHub ${origin.repos.join(', ')} @ ${origin.revision.slice(0, 10)}`;
    case 'import':
      return `imported ${origin.format}: ${origin.fileNames.slice(0, 3).join(', ')}`;
  }
}

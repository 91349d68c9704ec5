import { lazy, type ComponentType } from 'react';
import type { HashRoute } from './hooks/useHashRoute';

// Lazily loaded pages that can also be loaded BEFORE the first render. React 19 holds the reveal of
// a suspended page for ~300 ms, so an app that starts on `#/results`, `#/leaderboard` or the dataset page
// loads that chunk first
// (main.tsx) and the page then renders without suspending: the lazy factory hands React an
// already-resolved thenable, which it reads synchronously.

type PageComponent = ComponentType<{ route: HashRoute }>;

function preloadablePage(load: () => Promise<PageComponent>) {
  let loaded: PageComponent | undefined;
  const preload = () =>
    load().then((component) => {
      loaded = component;
      return component;
    });
  const Page = lazy(() => {
    if (loaded === undefined) return preload().then((component) => ({ default: component }));
    const page = loaded;
    const resolved: PromiseLike<{ default: PageComponent }> = {
      then: (onFulfilled) => Promise.resolve(onFulfilled?.({ default: page })) as never,
    };
    // React reads a thenable that settles inside `then` without suspending.
    return resolved as Promise<{ default: PageComponent }>;
  });
  return { Page, preload };
}

export const resultsPage = preloadablePage(() =>
  import('./pages/ResultsPage').then((m) => m.ResultsPage),
);

export const leaderboardPage = preloadablePage(() =>
  import('./pages/LeaderboardPage').then((m) => m.LeaderboardPage),
);

/** The home page: lazy too, so the environments it reads (the whole registry) stay out of the initial bundle. */
export const datasetPage = preloadablePage(() =>
  import('./pages/DatasetPage').then((m) => m.DatasetPage),
);

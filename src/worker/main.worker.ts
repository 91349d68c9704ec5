// Worker entry: wires real dependencies into the plain API and exposes it over comlink.
import { expose } from 'comlink';
import { AppError } from '../core/errors';
import { openDb } from '../data/db';
import { createWorkerApi } from './api/createWorkerApi';
import { RUN_LIVE_CHANNEL, type RunLiveState } from '../core/runLive';

const live = new BroadcastChannel(RUN_LIVE_CHANNEL);

function withExclusiveLock<T>(name: string, work: () => Promise<T>): Promise<T> {
  if (!('locks' in navigator)) return work();
  // The callback's promise is what `request` resolves with (typed as nested by the DOM lib).
  const granted = navigator.locks.request(name, { ifAvailable: true }, (lock) => {
    if (lock === null) {
      throw new AppError('bad_request', 'This run is already running in another tab or window.', {
        nextStep: 'Switch to that tab, or close it and resume here.',
      });
    }
    return work();
  });
  return granted as unknown as Promise<T>;
}

expose(
  createWorkerApi({
    db: openDb(),
    fetch: self.fetch.bind(self),
    appVersion: __APP_VERSION__,
    withExclusiveLock,
    reportLive: (state: RunLiveState) => live.postMessage(state),
  }),
);

// Worker entry: wires real dependencies into the plain API and exposes it over comlink.
import { expose } from 'comlink';
import { openDb } from '../data/db';
import { createWorkerApi } from './workerApi';

expose(createWorkerApi({ db: openDb(), fetch: self.fetch.bind(self) }));

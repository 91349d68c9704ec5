// The endpoints part of the comlink surface: what the run form asks of a model or judge endpoint
// before a run (the key comes with each call and goes only to that endpoint's origin).
import type { EndpointConfig } from '../../core/schema/endpoint';
import { listModels, testConnection, type ConnectionResult } from '../../llm/testConnection';
import { transferErrors, type WorkerContext } from './workerContext';

export interface EndpointsApi {
  /** One tiny request that tells CORS, auth, model, rate-limit and network failures apart. */
  testConnection(endpoint: EndpointConfig, apiKey: string): Promise<ConnectionResult>;
  listModels(endpoint: EndpointConfig, apiKey: string): Promise<string[]>;
}

export function createEndpointsApi(ctx: WorkerContext): EndpointsApi {
  const fetch = ctx.deps.fetch;
  return {
    testConnection(endpoint, apiKey) {
      return transferErrors(() => testConnection(endpoint, apiKey, { fetch }));
    },
    listModels(endpoint, apiKey) {
      return transferErrors(() => listModels(endpoint, apiKey, { fetch }));
    },
  };
}

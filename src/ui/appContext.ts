import { createContext, useContext } from 'react';
import type { MedevalDb } from '../data/db';
import type { WorkerApi } from '../worker/workerApi';

export interface AppServices {
  db: MedevalDb;
  /** The worker's API (ui/workerClient in the app; any object implementing it in tests). */
  worker: WorkerApi;
}

export const AppServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(AppServicesContext);
  if (services === null) throw new Error('useServices must be used inside <AppServicesContext>');
  return services;
}

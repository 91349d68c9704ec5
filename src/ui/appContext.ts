import { createContext, useContext } from 'react';
import type { MedevalDb } from '../data/db';
import type { WorkerClient } from './workerClient';

export interface AppServices {
  db: MedevalDb;
  worker: WorkerClient;
}

export const AppServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(AppServicesContext);
  if (services === null) throw new Error('useServices must be used inside <AppServicesContext>');
  return services;
}

// Composition root: open the database, create the worker client, render the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { openDb } from './data/db';
import { App } from './ui/App';
import { AppServicesContext } from './ui/appContext';
import { WorkerClient } from './ui/workerClient';
import './ui/styles.css';

const services = { db: openDb(), worker: new WorkerClient() };
const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <AppServicesContext value={services}>
      <App />
    </AppServicesContext>
  </StrictMode>,
);

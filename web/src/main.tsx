/**
 * @module
 * Entry: boots the agent connection, mounts the React app, registers the service worker. Wiring only.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { boot } from './app/boot.js';
import { registerServiceWorker } from './app/service-worker.js';
import './app/styles.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
void boot();
registerServiceWorker();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

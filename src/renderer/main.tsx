/**
 * The renderer's entry: mounts the app. Everything it knows of the station comes through
 * `window.station`.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './App';
import './styles.css';

// The CSP forbids eval; without this zod probes for it once and trips a CSP report.
z.config({ jitless: true });

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

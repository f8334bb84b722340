/**
 * The renderer's entry: mounts the app. Everything it knows of the station comes through
 * `window.station`.
 */
// First: imports run in order, and the App's imports build zod schemas.
import './zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

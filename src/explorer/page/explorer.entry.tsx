/**
 * Browser entry of the franchise explorer (bundled by scripts/build-explorer.mjs into dist/explorer/).
 * Excluded from the server's tsconfig; `tsc -p tsconfig.explorer.json` type-checks it.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './explorer.css';

const container = document.getElementById('explorer');
if (!container) throw new Error('#explorer container missing');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

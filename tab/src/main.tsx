import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ConfigPage } from './config/ConfigPage';

// One page serves every path: /tab/config is the configurable tab's set-up, anything else the tab.
const isConfig = /\/config\/?$/.test(window.location.pathname);

createRoot(document.getElementById('root')!).render(
  <StrictMode>{isConfig ? <ConfigPage /> : <App />}</StrictMode>,
);

import { clerkHandlers } from 'clerk-session-kit/testing';
import { setupWorker } from 'msw/browser';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'clerk-session-kit/styles.css';
import { App } from './App';

// The mock Clerk's Frontend API calls (switch, sign out, revoke, ...) are answered in the browser by MSW's
// service worker (public/mockServiceWorker.js, from `npx msw init public`). Everything else goes to the network.
const worker = setupWorker(...clerkHandlers);

worker.start({ onUnhandledRequest: 'bypass', quiet: true }).then(() => {
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});

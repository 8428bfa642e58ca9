// The renderer's composition root: connect to whichever host served the page, build the app
// store around that client, and mount the app. The only place that picks concrete
// implementations; everything below receives them.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectToHost } from '../../native-bridge/rpc/browser/connect';
import { App } from './app/App';
import { createAppStore } from './state/app-store';
import { sessionStorageTokens } from './state/deps';
import { AppStoreProvider } from './state/StoreContext';
import './styles/base.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const client = connectToHost();
const store = createAppStore({ client, sessionTokens: sessionStorageTokens(window.sessionStorage) });
// Attached here rather than in a component effect: the link lives as long as the page, and
// StrictMode's double effects would otherwise subscribe, drop and resubscribe on start. The
// page's unload tears the transport down, so there is no matching detach.
store.getState().shell.attach();
store.getState().account.attach();

createRoot(root).render(
  <StrictMode>
    <AppStoreProvider store={store}>
      <App />
    </AppStoreProvider>
  </StrictMode>,
);

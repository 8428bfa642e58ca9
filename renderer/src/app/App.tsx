// The app frame: sidebar, header, the current view and the host status bar — or, for a full-screen
// route such as a gate's display, the view alone.
import './app.css';
import { AccountGate } from '../features/account/AccountGate';
import { NotFound } from './NotFound';
import { Header } from './Header';
import { routeInfo } from './routes';
import { Sidebar } from './Sidebar';
import { StatusBar } from './StatusBar';
import { useHashRoute } from './useHashRoute';
import { views } from './views';

export function App() {
  const route = useHashRoute();
  const View = route ? views[route] : NotFound;
  if (route && routeInfo(route).fullScreen) {
    return (
      <AccountGate>
        <View key={route} />
      </AccountGate>
    );
  }
  return (
    <AccountGate>
      <div className="app">
        <Sidebar current={route} />
        <Header />
        <main className="app-main">
          {/* key: a fresh view per route, so one view's local UI state never leaks into the next. */}
          <View key={route ?? 'not-found'} />
        </main>
        <StatusBar />
      </div>
    </AccountGate>
  );
}

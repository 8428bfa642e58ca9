// Shows the app only to someone signed in: the sign-in form where the host requires it, a short
// wait while the host says who this window is, and an error with a retry when it cannot.
import { useEffect, type ReactNode } from 'react';
import { useAppStore } from '../../state/StoreContext';
import { StatePanel } from '../../ui/StatePanel';
import { ConnectionIndicator } from '../../app/ConnectionIndicator';
import { selectGate } from './account-selectors';
import { SignInView } from './SignInView';

export function AccountGate({ children }: { children: ReactNode }) {
  const gate = useAppStore((state) => selectGate(state.account));
  const error = useAppStore((state) => state.account.error);
  const check = useAppStore((state) => state.account.check);
  const systemStatus = useAppStore((state) => state.shell.system.status);
  const loadSystemStatus = useAppStore((state) => state.shell.loadSystemStatus);

  // The store's identity is refused before sign-in; ask again once someone is signed in.
  useEffect(() => {
    if (gate === 'open' && systemStatus === 'error') void loadSystemStatus();
  }, [gate, systemStatus, loadSystemStatus]);

  if (gate === 'open') return <>{children}</>;
  if (gate === 'sign-in') return <SignInView />;
  // Until the host answers, the link's own state is the news (connecting, refused for a missing token…).
  return (
    <main className="sign-in">
      <ConnectionIndicator />
      {gate === 'checking' ? (
        <StatePanel tone="info" title="Connecting to the store…" testId="account-checking" />
      ) : (
        <StatePanel
          tone="error"
          title="Cannot tell who is signed in"
          testId="account-error"
          action={
            <button className="button" type="button" onClick={() => void check()}>
              Retry
            </button>
          }
        >
          {error?.message}
        </StatePanel>
      )}
    </main>
  );
}

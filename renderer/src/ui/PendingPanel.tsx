// The panels a view shows before its data is there — waiting for the host link, loading, or failed
// with a Retry — worded the same way on every page.
import type { PendingPhase } from '../state/load-state';
import { StatePanel } from './StatePanel';

export interface PendingPanelProps {
  phase: PendingPhase;
  /** What is being fetched, lower case and plural-agnostic: "stock estimates", "the floor plan". */
  what: string;
  onRetry: () => void;
  /** Test ids are `<testId>-waiting`, `-loading`, `-error`. */
  testId: string;
}

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export function PendingPanel({ phase, what, onRetry, testId }: PendingPanelProps) {
  switch (phase.kind) {
    case 'waiting':
      return (
        <StatePanel tone="info" title="Waiting for the host" testId={`${testId}-waiting`}>
          <p>{capitalised(what)} will load once the connection to the host is open.</p>
        </StatePanel>
      );
    case 'loading':
      return <StatePanel tone="info" title={`Loading ${what}…`} testId={`${testId}-loading`} />;
    case 'error':
      return (
        <StatePanel
          tone="error"
          title={`${capitalised(what)} could not be loaded`}
          testId={`${testId}-error`}
          action={
            <button type="button" className="button button--primary" onClick={onRetry}>
              Retry
            </button>
          }
        >
          <p>{phase.error.message}</p>
          <p className="error-code">{phase.error.code}</p>
        </StatePanel>
      );
  }
}

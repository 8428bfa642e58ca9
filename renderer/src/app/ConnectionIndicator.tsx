// The link to the host at a glance: a coloured dot and a word. The word carries the meaning, the
// colour only repeats it, so it reads the same for colour-blind users and in screenshots.
import { useAppStore } from '../state/StoreContext';
import { connectionLabels } from './shell-selectors';

export function ConnectionIndicator() {
  const connection = useAppStore((state) => state.shell.connection);
  return (
    <div className="connection" data-state={connection} role="status" aria-live="polite">
      <span className="connection__dot" aria-hidden="true" />
      <span className="visually-hidden">Host connection: </span>
      <span data-testid="connection-state">{connectionLabels[connection]}</span>
    </div>
  );
}

// The app frame's state: how the link to the host is doing, which store the host serves, and the
// host's latest health report. `attach` wires it to the injected client; everything else is a
// plain action so tests can drive it without a transport.
import type { ConnectionState, HostHealth, SystemStatus } from '../../../native-bridge/contract';
import type { StoreDeps } from '../state/deps';
import { idle, toErrorInfo, type LoadState } from '../state/load-state';
import type { SliceApi } from '../state/slice';

export interface ShellState {
  connection: ConnectionState;
  system: LoadState<SystemStatus>;
  health: HostHealth | null;
}

export interface ShellActions {
  /** Subscribes to the client's connection and health streams; returns the unsubscribe. */
  attach: () => () => void;
  loadSystemStatus: () => Promise<void>;
  setConnection: (connection: ConnectionState) => void;
  receiveHealth: (health: HostHealth) => void;
  reset: () => void;
}

export type ShellSlice = ShellState & ShellActions;

export function initialShellState(connection: ConnectionState = 'connecting'): ShellState {
  return { connection, system: idle, health: null };
}

export function createShellSlice({ set, get }: SliceApi<ShellSlice>, { client }: StoreDeps): ShellSlice {
  // Bumped by every load and by reset, so an answer that arrives after a newer request (or after a
  // reset) cannot overwrite fresher state.
  let request = 0;

  const loadSystemStatus = async (): Promise<void> => {
    const mine = ++request;
    set({ system: { status: 'loading' } });
    try {
      const data = await client.call('getSystemStatus', {});
      if (mine === request) set({ system: { status: 'ready', data } });
    } catch (error) {
      if (mine === request) set({ system: { status: 'error', error: toErrorInfo(error) } });
    }
  };

  const setConnection = (connection: ConnectionState): void => {
    set({ connection });
    // The store's identity is only asked for once the link is up: asking earlier would just fail
    // and flash an error while the socket is still opening. A reconnect retries a failed load.
    const { system } = get();
    if (connection === 'open' && (system.status === 'idle' || system.status === 'error')) {
      void loadSystemStatus();
    }
  };

  return {
    ...initialShellState(client.connection),
    attach: () => {
      const offConnection = client.onConnectionChange(setConnection);
      const offHealth = client.subscribe('hostHealth', (health) => set({ health }));
      // The client may have connected before we subscribed; catch up with where it is now.
      setConnection(client.connection);
      return () => {
        offConnection();
        offHealth();
      };
    },
    loadSystemStatus,
    setConnection,
    receiveHealth: (health) => set({ health }),
    reset: () => {
      request++;
      set(initialShellState(client.connection));
    },
  };
}

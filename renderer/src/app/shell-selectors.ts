// Pure reads of the frame's state, shaped for display. Kept apart from the components so the
// wording and the unit maths are tested without a DOM.
import type { ConnectionState, HostHealth } from '../../../native-bridge/contract';
import type { ShellState } from './shell-slice';

export const connectionLabels: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  open: 'Connected',
  closed: 'Disconnected',
  unauthorized: 'Unauthorized',
};

export function selectConnectionLabel(shell: Pick<ShellState, 'connection'>): string {
  return connectionLabels[shell.connection];
}

/** Header text for the store: its name once the host has told us, otherwise what we are waiting on. */
export function selectStoreTitle(shell: Pick<ShellState, 'system'>): string {
  switch (shell.system.status) {
    case 'ready':
      return shell.system.data.store.name;
    case 'error':
      return 'Store unavailable';
    default:
      return 'Loading store…';
  }
}

/** Decimal units (1 MB = 1,000,000 bytes), the way disk sizes are usually quoted. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${units[unit]}`;
}

/** Two most significant units are enough to tell "just restarted" from "up for days". */
export function formatUptime(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  const s = Math.floor(seconds);
  const days = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3_600);
  const minutes = Math.floor((s % 3_600) / 60);
  const secs = s % 60;
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  if (minutes > 0) return `${minutes} min ${String(secs).padStart(2, '0')} s`;
  return `${secs} s`;
}

export interface HealthItem {
  key: 'uptime' | 'memory' | 'database' | 'clients';
  label: string;
  value: string;
}

export function healthItems(health: HostHealth): HealthItem[] {
  const wal = health.database.walBytes > 0 ? ` (+${formatBytes(health.database.walBytes)} WAL)` : '';
  return [
    { key: 'uptime', label: 'Uptime', value: formatUptime(health.uptimeS) },
    { key: 'memory', label: 'Memory', value: formatBytes(health.rssBytes) },
    { key: 'database', label: 'Database', value: `${formatBytes(health.database.sizeBytes)}${wal}` },
    { key: 'clients', label: 'Clients', value: String(health.clients) },
  ];
}

/** A report kept from before the link dropped is still shown, but must not pass for current. */
export function selectHealthIsStale(shell: Pick<ShellState, 'connection' | 'health'>): boolean {
  return shell.health !== null && shell.connection !== 'open';
}

// Pure reads for the Users panel.
import type { Role, UserSummary } from '../../../../../native-bridge/contract';

export const roleDescriptions: Record<Role, string> = {
  manager: 'everything: devices, restock, review, exports, users',
  reviewer: 'review flagged sessions, correct carts, approve and refund',
  analyst: 'read the floor and analytics, export reports',
};

/** Enabled managers: the panel will not offer to disable or demote the last one (the host refuses too). */
export function selectEnabledManagers(users: readonly UserSummary[]): number {
  return users.filter((u) => u.role === 'manager' && !u.disabled).length;
}

export function selectIsLastManager(users: readonly UserSummary[], user: UserSummary): boolean {
  return user.role === 'manager' && !user.disabled && selectEnabledManagers(users) <= 1;
}

export function formatLastSignIn(at: number | null, now: number): string {
  if (at === null) return 'never';
  const minutes = Math.round((now - at) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}

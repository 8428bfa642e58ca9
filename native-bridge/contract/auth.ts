// Who may do what. Every API call declares the permission it needs (permissions.ts); each role is a
// set of permissions. The dispatcher checks them before any service runs, on every transport.
import { z } from 'zod';

export const roles = ['manager', 'reviewer', 'analyst'] as const;
export type Role = (typeof roles)[number];
export const roleSchema = z.enum(roles);

/**
 * - `public`: needs no signed-in user (status, sign-in itself).
 * - `view`: read the floor, sessions, devices and analytics.
 * - `review`: correct carts, approve and refund (reviewers, managers).
 * - `export`: export reports and raw data (analysts, managers).
 * - `operate`: act on the store's devices and stock (tare, calibrate, restock mode, acknowledge).
 * - `manage`: users, roles and store settings.
 */
export const permissions = ['public', 'view', 'review', 'export', 'operate', 'manage'] as const;
export type Permission = (typeof permissions)[number];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  manager: ['public', 'view', 'review', 'export', 'operate', 'manage'],
  reviewer: ['public', 'view', 'review'],
  analyst: ['public', 'view', 'export'],
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}

/** The person behind a call: audit entries name them, permissions follow their role. */
export interface Caller {
  username: string;
  role: Role;
  /** `local`: the operator of this computer (desktop app, or browser host on 127.0.0.1 without login). */
  via: 'local' | 'login';
}

/** What a handler receives besides its input. */
export interface CallContext {
  /** Undefined only for `public` calls made before anyone signed in. */
  readonly caller: Caller | undefined;
  /** Sign the connection in or out (only the session calls do this). */
  signIn(caller: Caller): void;
  signOut(): void;
}

/** The caller of a non-public call: the dispatcher has already required one. */
export function callerOf(context: CallContext): Caller {
  if (!context.caller) throw new Error('callerOf: a non-public call reached its handler without a caller');
  return context.caller;
}

// Sign-in and user management calls. Passwords cross the API only on the way in (sign-in, create,
// reset); answers carry usernames and roles, never hashes.
import { z } from 'zod';
import { roleSchema, type Caller, type Role } from './auth';

const username = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9._-]+$/, 'lower-case letters, digits, dot, dash and underscore only');
/** Long enough to resist guessing; bytes beyond 256 only cost hashing time. */
export const passwordSchema = z.string().min(10, 'at least 10 characters').max(256);

export const authCalls = {
  whoAmI: z.object({}).strict(),
  signIn: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }).strict(),
  resumeSession: z.object({ sessionToken: z.string().min(16).max(128) }).strict(),
  signOut: z.object({ sessionToken: z.string().max(128).optional() }).strict(),
  listUsers: z.object({}).strict(),
  createUser: z.object({ username, role: roleSchema, password: passwordSchema }).strict(),
  updateUser: z.object({ username, role: roleSchema.optional(), disabled: z.boolean().optional() }).strict(),
  resetPassword: z.object({ username, password: passwordSchema }).strict(),
} as const;

export interface WhoAmI {
  caller: Caller | null;
  /** True where this host serves beyond this computer (or was told to): every call needs a user. */
  loginRequired: boolean;
  storeName: string;
}

export interface SignedIn {
  caller: Caller;
  /** Presented again with `resumeSession` after a reconnect; expires at `expiresAt` (ms). */
  sessionToken: string;
  expiresAt: number;
}

export interface UserSummary {
  username: string;
  role: Role;
  disabled: boolean;
  createdAt: number;
  lastSignInAt: number | null;
}

export interface AuthOutputs {
  whoAmI: WhoAmI;
  signIn: SignedIn;
  resumeSession: SignedIn;
  signOut: WhoAmI;
  listUsers: UserSummary[];
  createUser: UserSummary;
  updateUser: UserSummary;
  resetPassword: UserSummary;
}

// The life of one fetched value, as every feature shows it: not asked yet, on its way, here, or
// failed with a message a person can read. Errors are kept as plain data (code + message) so the
// state stays serialisable and a view can branch on the stable code.
import { apiErrorCodes, type ApiErrorCode, type ConnectionState } from '../../../native-bridge/contract';

export interface ErrorInfo {
  code: ApiErrorCode;
  message: string;
}

export type LoadState<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'error'; error: ErrorInfo };

export const idle: LoadState<never> = { status: 'idle' };

/**
 * Reads an ApiError by shape rather than `instanceof`: a transport may rebuild errors in another
 * realm (IPC, a worker), where the class identity is lost but the body survives.
 */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (typeof error === 'object' && error !== null) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    const known = typeof code === 'string' && (apiErrorCodes as readonly string[]).includes(code);
    if (typeof message === 'string' && message) return { code: known ? (code as ApiErrorCode) : 'internal', message };
  }
  return { code: 'internal', message: typeof error === 'string' && error ? error : 'Unknown error' };
}

export function dataOf<T>(state: LoadState<T>): T | null {
  return state.status === 'ready' ? state.data : null;
}

/** What a view shows before its data: waiting for the host link, loading, or failed. */
export type PendingPhase = { kind: 'waiting' } | { kind: 'loading' } | { kind: 'error'; error: ErrorInfo };

/** The pending phase of a fetched value, or null once it is ready. Idle counts as loading once the link is open (the view is about to ask). */
export function pendingPhase<T>(state: LoadState<T>, connection: ConnectionState): PendingPhase | null {
  switch (state.status) {
    case 'idle':
      return connection === 'open' ? { kind: 'loading' } : { kind: 'waiting' };
    case 'loading':
      return { kind: 'loading' };
    case 'error':
      return { kind: 'error', error: state.error };
    case 'ready':
      return null;
  }
}

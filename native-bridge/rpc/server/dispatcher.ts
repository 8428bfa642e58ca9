// The one place a call from any transport enters main: the method must exist in the contract, the
// connection's user must hold the permission the call needs, and its input must pass the
// contract's zod schema before any service sees it.
import { apiCalls, type ApiHandlers, type ApiMethod } from '../../contract/api';
import { roleAllows, type CallContext, type Caller } from '../../contract/auth';
import { ApiError } from '../../contract/errors';
import { apiPermissions } from '../../contract/permissions';

/** One client's connection: who is signed in on it, if anyone. */
export interface Connection {
  caller: Caller | undefined;
}

export type Dispatch = (method: string, input: unknown, connection: Connection) => Promise<unknown>;

function isApiMethod(method: string): method is ApiMethod {
  return Object.hasOwn(apiCalls, method);
}

function checkPermission(method: ApiMethod, caller: Caller | undefined): void {
  const needed = apiPermissions[method];
  if (needed === 'public') return;
  if (!caller) throw new ApiError('unauthenticated', `${method}: sign in first`);
  if (!roleAllows(caller.role, needed)) {
    throw new ApiError('forbidden', `${method}: the ${caller.role} role may not do this (needs "${needed}")`);
  }
}

/**
 * Streams carry live store data: a connection may subscribe before it signs in (the page opens
 * its streams at start), but nothing is delivered until someone allowed to view is signed in.
 */
export function mayReceiveStreams(connection: Connection): boolean {
  const caller = connection.caller;
  return caller !== undefined && roleAllows(caller.role, 'view');
}

export function createDispatcher(handlers: ApiHandlers, onInternalError: (error: unknown, method: string) => void): Dispatch {
  return async (method, input, connection) => {
    if (!isApiMethod(method)) throw new ApiError('unknown_method', `unknown method "${method}"`);
    checkPermission(method, connection.caller);
    const parsed = apiCalls[method].safeParse(input === undefined ? {} : input);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.') || '(input)',
        message: issue.message,
      }));
      throw new ApiError('invalid_input', `${method}: invalid input (${issues.map((i) => `${i.path}: ${i.message}`).join('; ')})`, issues);
    }
    const context: CallContext = {
      get caller() {
        return connection.caller;
      },
      signIn: (caller) => {
        connection.caller = caller;
      },
      signOut: () => {
        connection.caller = undefined;
      },
    };
    try {
      const handler = handlers[method] as (input: unknown, context: CallContext) => Promise<unknown>;
      return await handler(parsed.data, context);
    } catch (error) {
      if (error instanceof ApiError) throw error;
      onInternalError(error, method);
      throw new ApiError('internal', `${method} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

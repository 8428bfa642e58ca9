// The one place a call from any transport enters main: the method must exist in the contract and
// its input must pass the contract's zod schema before any service sees it.
import { apiCalls, type ApiHandlers, type ApiMethod } from '../../contract/api';
import { ApiError } from '../../contract/errors';

export type Dispatch = (method: string, input: unknown) => Promise<unknown>;

function isApiMethod(method: string): method is ApiMethod {
  return Object.hasOwn(apiCalls, method);
}

export function createDispatcher(handlers: ApiHandlers, onInternalError: (error: unknown, method: string) => void): Dispatch {
  return async (method, input) => {
    if (!isApiMethod(method)) throw new ApiError('unknown_method', `unknown method "${method}"`);
    const parsed = apiCalls[method].safeParse(input === undefined ? {} : input);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.') || '(input)',
        message: issue.message,
      }));
      throw new ApiError('invalid_input', `${method}: invalid input (${issues.map((i) => `${i.path}: ${i.message}`).join('; ')})`, issues);
    }
    try {
      const handler = handlers[method] as (input: unknown) => Promise<unknown>;
      return await handler(parsed.data);
    } catch (error) {
      if (error instanceof ApiError) throw error;
      onInternalError(error, method);
      throw new ApiError('internal', `${method} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

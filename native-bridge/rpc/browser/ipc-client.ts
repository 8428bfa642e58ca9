// The Electron transport on the renderer side: an `ApiClient` over the preload's `window.walkout`.
// IPC inside one app cannot drop, so the connection is open from the start.
import type { ApiClient, ApiInput, ApiMethod, ApiOutput } from '../../contract/api';
import type { WalkoutBridge } from '../../contract/bridge';
import { ApiError } from '../../contract/errors';

export function createIpcClient(bridge: WalkoutBridge): ApiClient {
  return {
    connection: 'open',
    async call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
      const result = await bridge[method](input);
      if (!result.ok) throw ApiError.fromBody(result.error);
      return result.value as ApiOutput<M>;
    },
    subscribe: (topic, handler) => bridge.subscribe(topic, handler),
    onConnectionChange: () => () => undefined,
    close: () => undefined,
  };
}

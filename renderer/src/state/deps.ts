// What the store needs from the outside world. The client is passed in (never imported as a
// module-level singleton) so tests can hand the store a test double and the composition root
// decides which transport the app uses.
import type { ApiClient } from '../../../native-bridge/contract';

export interface StoreDeps {
  client: ApiClient;
}

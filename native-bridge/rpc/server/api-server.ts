// What a transport needs from main to serve one client: the dispatcher, the stream hub and a
// count of connected clients (shown in host health).
import type { Dispatch } from './dispatcher';
import type { StreamHub } from './stream-hub';

export interface ApiServer {
  dispatch: Dispatch;
  streams: StreamHub;
  clientConnected(): () => void;
}

// What a transport needs from main to serve one client: the dispatcher, the stream hub, and a new
// connection per client (counted in host health; signed in as the local operator or nobody,
// as the host's login policy says).
import type { Dispatch, Connection } from './dispatcher';
import type { StreamHub } from './stream-hub';

export interface ClientConnection extends Connection {
  release(): void;
}

export interface ApiServer {
  dispatch: Dispatch;
  streams: StreamHub;
  connect(): ClientConnection;
}

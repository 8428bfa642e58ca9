// The contract's public face: what the renderer and the hosts import.
export * from './api';
export * from './dto';
export * from './errors';
export * from './bridge';
export * from './auth';
export * from './users';
export * from './permissions';
export * from './live-floor';
export * from './analytics';
export * from './review-actions';
export * from './session-key';
export * from './dto-review';
export * from './dto-replay';
export * from './restock';
export * from './devices';
export * from './cameras';
export * from './gate-words';

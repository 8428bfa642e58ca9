// The contract's public face: what the renderer and the hosts import.
export * from './api';
export * from './dto';
export * from './errors';
export * from './bridge';

/** The core of the client: discovery, the error table and the connect / chat sugar. */
export * from './discover.js';
export * from './errors.js';
export * from './connect.js';
export type * from './types.js';

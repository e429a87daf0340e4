// `matrix-threepid-kit/testing/msw`: the fake homeserver as msw 2 handlers, the only part of `testing` that needs msw.
export { createMswHandlers } from './mswHandlers';

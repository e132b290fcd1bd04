/**
 * What a face needs to build {@link AppDeps} for a process: the clock type and the wall clock,
 * and the fetch signature providers take (tests inject a mock server's).
 */
export type { Clock } from '../domain/clock.ts';
export { fixedClock } from '../domain/clock.ts';
export { systemClock } from '../data/system-clock.ts';
export type { FetchFn } from '../data/http/http-client.ts';

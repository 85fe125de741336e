export * from './alerts.ts';
export * from './envelope.ts';
export * from './history.ts';
export * from './limit.ts';
export * from './pace.ts';
export * from './period.ts';
export * from './period-label.ts';
export * from './recurrence.ts';
export { basisPoints, divideHalfEven } from './rounding.ts';

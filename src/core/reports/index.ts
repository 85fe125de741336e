export * from './csv.ts';
export * from './periods.ts';
export * from './ratio.ts';

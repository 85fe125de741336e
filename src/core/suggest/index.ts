export * from './features.ts';
export * from './suggester.ts';

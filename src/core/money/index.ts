export * from './bound.ts';
export * from './currency.ts';
export * from './locale.ts';
export * from './money.ts';

export * from './apply.ts';
export * from './compile.ts';
export * from './pattern.ts';
export * from './split.ts';
export * from './text.ts';
export * from './types.ts';
export * from './validate.ts';

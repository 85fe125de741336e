export { type OfxParseOptions, parseOfx, parseOfxText } from './parse-ofx.ts';

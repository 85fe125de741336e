export { parseCamt } from './camt.ts';

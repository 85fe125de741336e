import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('configuration', () => {
  it('closes registration by default, opens it when told, and refuses anything else', () => {
    expect(loadConfig({}).registration).toBe('closed');
    expect(loadConfig({ MONETA_REGISTRATION: '' }).registration).toBe('closed');
    expect(loadConfig({ MONETA_REGISTRATION: 'open' }).registration).toBe('open');
    expect(() => loadConfig({ MONETA_REGISTRATION: 'yes' })).toThrow(
      "MONETA_REGISTRATION must be one of closed, open, not 'yes'.",
    );
  });
});

import { describe, expect, it } from 'vitest';
import { normalizePhone } from './normalizePhone.ts';

describe('normalizePhone', () => {
  it.each([
    ['06 12 34 56 78', '+33612345678'],
    ['06.12.34.56.78', '+33612345678'],
    ['+33 6 12 34 56 78', '+33612345678'],
    ['0033612345678', '+33612345678'],
    ['01 45 00 00 00', '+33145000000'],
    ['+32 470 12 34 56', '+32470123456'],
  ])('%s → %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each(['12', '06 12 34', 'not a phone', ''])('rejects %j', (input) => {
    expect(normalizePhone(input)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { canonicalInstant, canonicalJson, canonicalText, quantityInThousandths, sha256Hex, sortCanonically } from './canonicalJson.ts';

describe('canonical JSON', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null], c: 'x' } })).toBe('{"a":{"c":"x","d":[true,null]},"b":1}');
  });

  it('escapes strings as JSON does and keeps non-ASCII text as is', () => {
    expect(canonicalJson({ label: 'Câble "3G2,5"\n', emoji: '⚡' })).toBe('{"emoji":"⚡","label":"Câble \\"3G2,5\\"\\n"}');
  });

  it('refuses numbers two implementations could print differently', () => {
    expect(() => canonicalJson({ quantity: 1.5 })).toThrow(RangeError);
    expect(() => canonicalJson(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
  });

  it('orders lists whose order carries no meaning by their canonical text', () => {
    // '{"key":"a","ok":true}' sorts before '{"key":"a"}': "," is before "}".
    expect(sortCanonically([{ key: 'b' }, { key: 'a' }, { key: 'a', ok: true }])).toEqual([
      { key: 'a', ok: true },
      { key: 'a' },
      { key: 'b' },
    ]);
  });

  it('normalizes text, quantities and instants the way the API stores them', () => {
    expect(canonicalText('  Cafe\u0301  ')).toBe('Café');
    expect(canonicalText('   ')).toBeNull();
    expect([quantityInThousandths(1.5), quantityInThousandths('1.500'), quantityInThousandths('12.345')]).toEqual([1500, 1500, 12345]);
    expect(canonicalInstant('2026-03-12T09:05:00+01:00')).toBe('2026-03-12T08:05:00.000Z');
  });

  it('hashes UTF-8 bytes with SHA-256', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex('é')).toBe('4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c');
  });
});

import { describe, expect, it } from 'vitest';
import { ValidationError } from './errors.ts';
import { customerSearchQuery, searchTerms } from './searchCustomers.ts';

describe('customer search terms', () => {
  it('folds case and accents and splits words', () => {
    expect(searchTerms('  Hélène   LEFÈVRE ')).toEqual(['helene', 'lefevre']);
  });

  it('reads phone numbers in any usual French form as national digits', () => {
    expect(searchTerms('06 12 34 56 78')).toEqual(['0612345678']);
    expect(searchTerms('+33 6 12 34')).toEqual(['061234']);
    expect(searchTerms('0033 1 45')).toEqual(['0145']);
    expect(searchTerms('06.12')).toEqual(['0612']);
  });

  it('keeps postal codes and SAGE codes as words', () => {
    expect(searchTerms('75011')).toEqual(['75011']);
    expect(searchTerms('CL00042')).toEqual(['cl00042']);
  });

  it('requires every term and refuses oversized pages', () => {
    expect(customerSearchQuery({ search: 'marie 75011', limit: 20, offset: 0 }).where).toEqual({
      erasedAt: null,
      AND: [{ searchText: { contains: 'marie' } }, { searchText: { contains: '75011' } }],
    });
    expect(() => customerSearchQuery({ search: null, limit: 1000, offset: 0 })).toThrow(ValidationError);
  });
});

import { describe, expect, it } from 'vitest';
import { detectDecimalSeparator, parseMinutes, parseMoney, parseNumber, parseNumberDetailed } from '../../src/main/import/numbers';

describe('parseNumber', () => {
  it.each([
    ['42', '.', 42],
    ['-3.5', '.', -3.5],
    ['1,234.56', '.', 1234.56],
    ['1,234,567', '.', 1234567],
    ['1.234,56', ',', 1234.56],
    ['1 234,56', ',', 1234.56],
    ['1\u00a0234,56', ',', 1234.56],
    ["1'234.56", '.', 1234.56],
    ['12,5', ',', 12.5],
    ['1.5', ',', 1.5], // a lone dot that cannot group thousands is a decimal point
    ['1.204', ',', 1204],
    ['$1,250,000.00', '.', 1250000],
    ['€ 99,50', ',', 99.5],
    ['1.234,56 €', ',', 1234.56],
    ['USD 2,000.00', '.', 2000],
    ['2,000.00 USD', '.', 2000],
    ['(1,234.00)', '.', -1234],
    ['1,234.00-', '.', -1234],
    ['-$5', '.', -5],
    ['$-5', '.', -5],
    ['45%', '.', 0.45],
    ['12,5 %', ',', 0.125],
    ['1.5E+06', '.', 1500000],
    ['.5', '.', 0.5],
    ['12,34,567.00', '.', 1234567], // Indian grouping
  ])('%j (decimal %j) -> %d', (text, decimal, expected) => {
    expect(parseNumber(text, decimal as '.' | ',')).toBeCloseTo(expected, 9);
  });

  it('empty is null, text is NaN', () => {
    expect(parseNumber('  ')).toBeNull();
    for (const text of ['twelve', 'n/a', '1,2,3', '12abc', '0x10', '1.2.3', '--5', '$', '5 apples']) {
      expect(parseNumber(text, '.'), text).toBeNaN();
    }
  });

  it('reports the currency and percent it saw', () => {
    expect(parseNumberDetailed('£1,000', '.')).toEqual({ value: 1000, currency: 'GBP', percent: false });
    expect(parseNumberDetailed('CHF 1’000.50', '.')).toEqual({ value: 1000.5, currency: 'CHF', percent: false });
    expect(parseNumberDetailed('7%', '.')).toEqual({ value: 0.07, currency: null, percent: true });
  });
});

describe('parseMoney', () => {
  it('integer minor units and the currency', () => {
    expect(parseMoney('$1,250,000.00', '.')).toEqual({ ok: true, minor: 125_000_000, currency: 'USD' });
    expect(parseMoney('$98,500.50', '.')).toEqual({ ok: true, minor: 9_850_050, currency: 'USD' });
    expect(parseMoney('1.234,56 €', ',')).toEqual({ ok: true, minor: 123_456, currency: 'EUR' });
    expect(parseMoney('0.1', '.')).toEqual({ ok: true, minor: 10, currency: 'USD' });
    expect(parseMoney('¥1,000', '.')).toEqual({ ok: true, minor: 1000, currency: 'JPY' });
    expect(parseMoney('1000', '.', 'EUR')).toEqual({ ok: true, minor: 100_000, currency: 'EUR' });
    expect(parseMoney('$1.2M', '.')).toEqual({ ok: true, minor: 120_000_000, currency: 'USD' });
    expect(parseMoney('150k', '.')).toEqual({ ok: true, minor: 15_000_000, currency: 'USD' });
  });

  it('empty is null, text and percentages are not money', () => {
    expect(parseMoney('', '.')).toBeNull();
    expect(parseMoney('lots', '.')).toEqual({ ok: false });
    expect(parseMoney('12%', '.')).toEqual({ ok: false });
  });
});

describe('parseMinutes', () => {
  it('numbers and h:mm:ss', () => {
    expect(parseMinutes('12.5')).toBe(12.5);
    expect(parseMinutes('1:30:00')).toBe(90);
    expect(parseMinutes('0:00:30')).toBe(0.5);
    expect(parseMinutes('-0:05:00')).toBe(-5);
    expect(parseMinutes('12,5', ',')).toBe(12.5);
    expect(parseMinutes('')).toBeNull();
    expect(parseMinutes('1:30')).toBeNaN(); // h:mm or mm:ss? refuse rather than guess
  });
});

describe('detectDecimalSeparator', () => {
  it('decides per column from decisive samples', () => {
    expect(detectDecimalSeparator(['1,5', '2', '3,25'])).toBe(',');
    expect(detectDecimalSeparator(['1.5', '2'])).toBe('.');
    expect(detectDecimalSeparator(['1.234,56'])).toBe(',');
    expect(detectDecimalSeparator(['1,234.56'])).toBe('.');
    expect(detectDecimalSeparator(['1.234.567'])).toBe(',');
    expect(detectDecimalSeparator(['1,234,567'])).toBe('.');
    expect(detectDecimalSeparator(['$1,250,000.00', '$98,500.50'])).toBe('.');
  });

  it('falls back when nothing tells (1.234 alone could be either)', () => {
    expect(detectDecimalSeparator(['1.234', '7'], ',')).toBe(',');
    expect(detectDecimalSeparator(['1,234'], '.')).toBe('.');
    expect(detectDecimalSeparator([], ',')).toBe(',');
  });
});

import { parseHttpDate } from '../src/http-date';

const now = Date.UTC(2026, 11, 2, 7, 0, 0);

describe('parseHttpDate (RFC 9110 §5.6.7)', () => {
  it('reads the three forms of the same instant alike', () => {
    const instant = Date.UTC(1994, 10, 6, 8, 49, 37);
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT', now)).toBe(instant);
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT', now)).toBe(instant);
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994', now)).toBe(instant);
    expect(parseHttpDate('Sun Nov 16 08:49:37 1994', now)).toBe(Date.UTC(1994, 10, 16, 8, 49, 37));
  });

  it('puts a two-digit year at most 50 years ahead of now', () => {
    expect(parseHttpDate('Thursday, 01-Jan-76 00:00:00 GMT', now)).toBe(Date.UTC(2076, 0, 1));
    expect(parseHttpDate('Friday, 01-Jan-77 00:00:00 GMT', now)).toBe(Date.UTC(1977, 0, 1));
    expect(parseHttpDate('Friday, 01-Jan-77 00:00:00 GMT', Date.UTC(2030, 0, 1))).toBe(
      Date.UTC(2077, 0, 1),
    );
  });

  it('keeps a leap second and 29 February of a leap year', () => {
    expect(parseHttpDate('Wed, 31 Dec 2008 23:59:60 GMT', now)).toBe(Date.UTC(2009, 0, 1));
    expect(parseHttpDate('Thu, 29 Feb 2024 00:00:00 GMT', now)).toBe(Date.UTC(2024, 1, 29));
  });

  it.each([
    'Sat, 29 Feb 2025 00:00:00 GMT',
    'Mon, 00 Dec 2026 00:00:00 GMT',
    'Mon, 32 Dec 2026 00:00:00 GMT',
    'Mon, 01 Dec 2026 00:60:00 GMT',
    'Mon, 01 Dec 2026 00:00:61 GMT',
    'Mon, 01 dec 2026 00:00:00 GMT',
    'Mon, 01 anF 2026 00:00:00 GMT',
    'Mon, 1 Dec 2026 00:00:00 GMT',
    'Mon, 01 Dec 2026 00:00:00 GMT ',
    'Monday, 01 Dec 2026 00:00:00 GMT',
    'Mon, 01-Dec-26 00:00:00 GMT',
    'Mon Dec 1 00:00:00 2026',
    '1733122800',
    '',
  ])('is undefined for %j', (value) => {
    expect(parseHttpDate(value, now)).toBeUndefined();
  });
});

const months = 'JanFebMarAprMayJunJulAugSepOctNovDec';
const day = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const time = '(\\d\\d):(\\d\\d):(\\d\\d)';
/** RFC 9110 §5.6.7: IMF-fixdate, the obsolete RFC 850 form, and ANSI C's asctime() form. */
const imfFixdate = new RegExp(`^${day}, (\\d\\d) (\\w{3}) (\\d{4}) ${time} GMT$`);
const rfc850 = new RegExp(
  `^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, (\\d\\d)-(\\w{3})-(\\d\\d) ${time} GMT$`,
);
const asctime = new RegExp(`^${day} (\\w{3}) ([ \\d]\\d) ${time} (\\d{4})$`);

/** Day, month name, year, hours, minutes, seconds, as written. */
type DateParts = readonly [string, string, number, string, string, string];

function partsOf(value: string, now: number): DateParts | undefined {
  let match = imfFixdate.exec(value);
  if (match !== null) {
    const [, d, mon, year, h, m, s] = match as unknown as string[];
    return [d!, mon!, Number(year), h!, m!, s!];
  }
  match = rfc850.exec(value);
  if (match !== null) {
    const [, d, mon, yy, h, m, s] = match as unknown as string[];
    // A two-digit year is the latest one not more than 50 years ahead (RFC 9110 §5.6.7).
    const current = new Date(now).getUTCFullYear();
    let year = current - (current % 100) + Number(yy);
    if (year > current + 50) year -= 100;
    return [d!, mon!, year, h!, m!, s!];
  }
  match = asctime.exec(value);
  if (match !== null) {
    const [, mon, d, h, m, s, year] = match as unknown as string[];
    return [d!, mon!, Number(year), h!, m!, s!];
  }
  return undefined;
}

/**
 * The time an HTTP-date names, in milliseconds since the epoch, or `undefined` when the value is
 * not an HTTP-date or names no real time (`31 Feb`, `25:00:00`).
 */
export function parseHttpDate(value: string, now: number): number | undefined {
  const parts = partsOf(value, now);
  if (parts === undefined) return undefined;
  const [d, mon, year, h, m, s] = parts;
  const month = months.indexOf(mon) / 3;
  const date = Number(d);
  const [hours, minutes, seconds] = [Number(h), Number(m), Number(s)];
  const daysInMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  // Seconds up to 60: a leap second.
  return Number.isInteger(month) &&
    date >= 1 &&
    date <= daysInMonth &&
    hours < 24 &&
    minutes < 60 &&
    seconds <= 60
    ? Date.UTC(year, month, date, hours, minutes, seconds)
    : undefined;
}

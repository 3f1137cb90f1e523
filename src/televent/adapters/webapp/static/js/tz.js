// Wall-clock times in the user's IANA time zone (from /api/v1/me), with nothing but Intl.
// The calendar component is given floating wall-clock strings ("2026-11-23T10:00:00") in that
// zone, and the API is given RFC 3339 instants with the zone's offset at that moment.

const formatters = new Map();

function formatter(tz) {
  let fmt = formatters.get(tz);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat("en-US", {
      timeZone: tz, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", second: "2-digit",
    });
    formatters.set(tz, fmt);
  }
  return fmt;
}

const pad = (n, width = 2) => String(n).padStart(width, "0");

/** The wall-clock parts of an instant (milliseconds) in `tz`. */
function partsAt(ms, tz) {
  const out = {};
  for (const part of formatter(tz).formatToParts(new Date(ms))) out[part.type] = part.value;
  return {
    year: +out.year, month: +out.month, day: +out.day,
    hour: +out.hour % 24, minute: +out.minute, second: +out.second,
  };
}

/** The zone's offset from UTC at an instant, in minutes. */
export function offsetMinutes(ms, tz) {
  const p = partsAt(ms, tz);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000);
}

/** "+01:00" for 60. */
export function offsetText(minutes) {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** An RFC 3339 instant (or any Date-parsable text) as "YYYY-MM-DDTHH:MM:SS" in `tz`. */
export function toWall(instant, tz) {
  const p = partsAt(new Date(instant).getTime(), tz);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

/** A wall-clock "YYYY-MM-DDTHH:MM[:SS]" in `tz` as an RFC 3339 instant with its offset.
 *  In a gap (spring forward) the time moves forward by the gap, as iCalendar does. */
export function fromWall(wall, tz) {
  const [date, time = "00:00:00"] = wall.split("T");
  const [y, mo, d] = date.split("-").map(Number);
  const [h, mi, s = 0] = time.split(":").map(Number);
  const guess = Date.UTC(y, mo - 1, d, h, mi, s);
  let offset = offsetMinutes(guess, tz);
  const second = offsetMinutes(guess - offset * 60000, tz);
  if (second !== offset) offset = Math.max(offset, second);
  const ms = guess - offset * 60000;
  const real = offsetMinutes(ms, tz);
  return `${toWall(ms, tz)}${offsetText(real)}`;
}

/** Today's date "YYYY-MM-DD" in `tz`. */
export function today(tz) {
  return toWall(Date.now(), tz).slice(0, 10);
}

/** A Date handed out by the calendar component: its local fields carry the wall clock. */
export function wallOfDate(date) {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** "YYYY-MM-DD" plus `days` days. */
export function addDays(date, days) {
  const [y, m, d] = date.split("-").map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Minutes between two wall-clock strings (as if no DST change happened between them). */
export function wallMinutesBetween(a, b) {
  const ms = (w) => Date.parse(`${w.length === 10 ? `${w}T00:00:00` : w}Z`);
  return Math.round((ms(b) - ms(a)) / 60000);
}

/** A wall-clock string moved by `minutes`. */
export function addWallMinutes(wall, minutes) {
  const t = new Date(Date.parse(`${wall}Z`) + minutes * 60000);
  return t.toISOString().slice(0, 19);
}

/** The browser's own zone: a first guess before /me answers. */
export function browserZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

/** Every zone name the browser knows, for the settings list. */
export function zoneNames() {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return ["UTC"];
  }
}

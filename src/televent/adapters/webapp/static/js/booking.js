// Settings → Booking: the weekly hours people can book (GET/POST /api/v1/availability, saved
// with the settings' Save), and the booking links (GET/POST /api/v1/booking-links, PATCH to
// pause or resume, DELETE), each with its public address and a copy button. And on an event's
// card, the booking it was made for: who booked, their answers, whether it still stands.

import { call, get } from "./api.js";
import { dateValue, formatDate, invalidDateMessage, setDate, upgradeDateField } from "./datefield.js";
import { dateFormat, t } from "./i18n.js";
import { firstInvalid, formatTime, parseTime, timeField } from "./timefield.js";
import { calendarById, state, writable } from "./state.js";
import { $, choose, h, toast } from "./ui.js";

// The days of the weekly hours (Monday first, as the API keys them; 2024-01-01 was a Monday).
const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

function dayName(index) {
  return dateFormat({ weekday: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2024, 0, 1 + index)));
}

/** "17:00" (HH:MM, "24:00" the end of the day) in the person's clock (js/timefield.js). */
const clock = formatTime;

let hours = null; // {timezone, weekly: {mon: [[start, end]]}, overrides: [...]} being edited
let dirty = false;

// The end of the day (24:00) is shown as midnight, 00:00 (12:00 AM on 12 hours).
const shownEnd = (end) => (end === "24:00" ? "00:00" : end);
const storedEnd = (end) => (end === "00:00" ? "24:00" : end);

/** The range "+ hours" adds: an hour after the last one ends, else 09:00-17:00. */
function nextRange(last) {
  if (!last || !/^\d\d:\d\d$/.test(last[1])) return ["09:00", "17:00"];
  const [hh, mm] = last[1].split(":").map(Number);
  const start = Math.min(hh * 60 + mm + 60, 23 * 60);
  const end = Math.min(start + 60, 24 * 60);
  const text = (m) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  return [text(start), text(end)];
}

function changed() {
  dirty = true;
}

/** Load the hours and the links into the settings screen. */
export async function showBooking(fail) {
  dirty = false;
  try {
    const { data } = await get("/availability");
    hours = {
      timezone: data.timezone,
      weekly: Object.fromEntries(DAYS.map((key) => [key, (data.weekly && data.weekly[key]) || []])),
      overrides: data.overrides || [],
    };
    $("#availability-default").hidden = !data.is_default;
    $("#availability-default").textContent = t("bookings-default-hours", {
      from: clock("09:00"), to: clock("17:00"), first: dayName(0), last: dayName(4),
    });
    renderHours();
  } catch (error) {
    hours = null;
    $("#availability-body").replaceChildren(h("p", { class: "hint" }, t("bookings-hours-failed")));
    fail(error);
  }
  await showLinks(fail);
}

function renderHours() {
  $("#availability-zone").textContent = hours.timezone;
  const rows = DAYS.map((key, index) => {
    const label = dayName(index);
    const ranges = hours.weekly[key];
    const off = ranges.length === 0;
    return h("div", { class: "day", dataset: { day: key } },
      h("div", { class: "day-head" },
        h("span", { class: "day-name" }, label),
        h("label", { class: "check off" },
          h("input", {
            type: "checkbox", checked: off, "aria-label": t("bookings-day-off-label", { day: label }),
            onchange: (event) => {
              hours.weekly[key] = event.target.checked ? [] : [["09:00", "17:00"]];
              changed();
              renderHours();
            },
          }), t("bookings-off"))),
      h("div", { class: "ranges" },
        off ? h("span", { class: "hint" }, t("bookings-day-off"))
          : ranges.map((range, at) => rangeEditor(key, label, range, at)),
        h("button", {
          type: "button", class: "link", "aria-label": t("bookings-add-hours-label", { day: label }),
          onclick: () => {
            ranges.push(nextRange(ranges[ranges.length - 1]));
            changed();
            renderHours();
          },
        }, t("bookings-add-hours"))));
  });
  const dates = hours.overrides.map((override) => h("li", {},
    h("span", { class: "who" }, formatDate(override.date)),
    h("span", { class: "hint" }, override.ranges.length
      ? override.ranges.map(([s, e]) => `${clock(s)}–${clock(e)}`).join(", ") : t("bookings-date-off")),
    h("button", {
      type: "button", class: "link danger", "aria-label": t("bookings-remove-label", { what: formatDate(override.date) }),
      onclick: () => {
        hours.overrides = hours.overrides.filter((o) => o !== override);
        changed();
        renderHours();
      },
    }, t("bookings-remove"))));
  $("#availability-body").replaceChildren(
    ...rows,
    dates.length ? h("ul", { class: "devices dates" }, dates) : "",
  );
}

function rangeEditor(day, label, range, index) {
  // What is typed is kept as typed until it is a time ("HH:MM"): saveAvailability refuses
  // the hours while one is not, and a redraw shows it again, still marked invalid.
  const set = (position) => (event) => {
    const value = parseTime(event.target.value) ?? event.target.value.trim();
    hours.weekly[day][index][position] = position === 1 ? storedEnd(value) : value;
    changed();
  };
  return h("span", { class: "range" },
    timeField({
      value: range[0], "aria-label": t("bookings-from-label", { day: label }), oninput: set(0), required: true,
    }),
    "–",
    timeField({
      value: shownEnd(range[1]), "aria-label": t("bookings-to-label", { day: label }), oninput: set(1), required: true,
    }),
    h("button", {
      type: "button", class: "link danger", "aria-label": t("bookings-remove-label", { what: `${label} ${clock(range[0])}` }),
      onclick: () => {
        hours.weekly[day].splice(index, 1);
        changed();
        renderHours();
      },
    }, "×"));
}

/** Show the hours and links again in the current language and clock (edits kept). */
export function relabelBooking(fail) {
  if (!hours) return;
  $("#availability-default").textContent = t("bookings-default-hours", {
    from: clock("09:00"), to: clock("17:00"), first: dayName(0), last: dayName(4),
  });
  renderHours();
  showLinks(fail);
}

/** Save the hours when they were edited (POST /availability, in `zone`); throws ApiError, or
 *  an Error in words (nothing sent) while a field holds no time (js/timefield.js). */
export async function saveAvailability(zone) {
  if (!hours || !dirty) return;
  const invalid = firstInvalid($("#availability-body"));
  if (invalid) throw new Error(invalid);
  const body = { timezone: zone || hours.timezone, weekly: hours.weekly, overrides: hours.overrides };
  await call("POST", "/availability", { body });
  dirty = false;
}

/** The day in the day-off field (typed or picked in the person's language, js/datefield.js)
 *  added as a day off; what is not a date is refused in words, never taken for another day. */
function addDateOff() {
  const input = $("#date-off");
  const date = dateValue(input);
  if (date === null) {
    input.focus();
    toast(invalidDateMessage(input), "error");
    return;
  }
  if (!date || !hours) return;
  hours.overrides = [...hours.overrides.filter((o) => o.date !== date), { date, ranges: [] }]
    .sort((a, b) => a.date.localeCompare(b.date));
  setDate(input, "");
  changed();
  renderHours();
  toast(t("bookings-date-off-added", { date: formatDate(date) }));
}

// --- links ---------------------------------------------------------------------------------

async function showLinks(fail) {
  const root = $("#links-body");
  let links = [];
  const upcoming = {};
  try {
    links = (await get("/booking-links")).data.items || [];
    const { data } = await get("/bookings", { start: new Date().toISOString() });
    for (const booking of (data && data.items) || []) {
      if (booking.status === "active") upcoming[booking.slug] = (upcoming[booking.slug] || 0) + 1;
    }
  } catch (error) {
    fail(error);
  }
  offerCalendars();
  root.replaceChildren(links.length
    ? h("ul", { class: "devices links" }, links.map((link) => {
      const count = upcoming[link.slug] || 0;
      return h("li", { dataset: { slug: link.slug } },
        h("span", { class: "who" }, link.title),
        h("span", { class: `badge ${link.active ? "status-accepted" : ""}` },
          link.active ? t("bookings-link-active") : t("bookings-link-paused")),
        h("span", { class: "address" }, link.url),
        h("span", { class: "hint wide-line" },
          t("bookings-link-summary", { minutes: link.duration_minutes, count })),
        link.calendar_id && calendarById(link.calendar_id)
          ? h("span", { class: "hint wide-line" },
            t("bookings-link-into", { calendar: calendarById(link.calendar_id).name }))
          : null,
        h("span", { class: "link-actions" },
          h("button", { type: "button", class: "link", onclick: () => copy(link.url) }, t("bookings-copy")),
          h("button", {
            type: "button", class: "link", onclick: () => setActive(link, !link.active, fail),
          }, link.active ? t("bookings-pause") : t("bookings-resume")),
          h("button", {
            type: "button", class: "link danger", "aria-label": t("bookings-delete-label", { title: link.title }),
            onclick: () => removeLink(link, fail),
          }, t("bookings-delete"))));
    }))
    : h("p", { class: "hint" }, t("bookings-no-links")));
}

/** The calendars a new link may book into: the person's own that take events (a connected
 *  account's too: its bookings are written back there, docs/adr/0026). */
function offerCalendars() {
  const select = $("#link-form select[name=calendar]");
  const chosen = select.value;
  const own = state.calendars.filter((c) => writable(c) && c.role === "owner"
    && (!c.components || c.components.includes("VEVENT")));
  select.replaceChildren(select.options[0], ...own.map((c) => h("option", { value: c.id }, c.name)));
  select.value = own.some((c) => c.id === chosen) ? chosen : "";
}

async function copy(url) {
  try {
    await navigator.clipboard.writeText(url);
    toast(t("bookings-copied"));
  } catch {
    window.prompt(t("bookings-copy-prompt"), url); // eslint-disable-line no-alert
  }
}

async function setActive(link, active, fail) {
  try {
    await call("PATCH", `/booking-links/${encodeURIComponent(link.slug)}`, { body: { active } });
    toast(active ? t("bookings-resumed", { title: link.title }) : t("bookings-paused", { title: link.title }));
  } catch (error) {
    fail(error);
  }
  await showLinks(fail);
}

async function removeLink(link, fail) {
  const ok = await choose(t("bookings-delete-question", { title: link.title }),
    [["yes", t("bookings-delete"), "danger"]]);
  if (!ok) return;
  try {
    await call("DELETE", `/booking-links/${encodeURIComponent(link.slug)}`);
    toast(t("bookings-deleted", { title: link.title }));
  } catch (error) {
    fail(error);
  }
  await showLinks(fail);
}

function whole(form, name) {
  const value = form.elements[name].value.trim();
  return value === "" ? undefined : Number(value);
}

export function bindBooking(fail) {
  upgradeDateField($("#date-off"));
  $("#add-date-off").addEventListener("click", addDateOff);
  $("#link-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = event.target;
    const body = {
      slug: form.elements.slug.value.trim().toLowerCase(),
      title: form.elements.title.value.trim(),
      duration_minutes: whole(form, "duration"),
      buffer_before_minutes: whole(form, "before"),
      buffer_after_minutes: whole(form, "after"),
      min_notice_minutes: whole(form, "notice"),
      horizon_days: whole(form, "horizon"),
      max_per_day: whole(form, "perday"),
      calendar_id: form.elements.calendar.value || undefined,
    };
    for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
    try {
      const { data } = await call("POST", "/booking-links", { body });
      form.reset();
      toast(t("bookings-created", { title: data.title, url: data.url }));
    } catch (error) {
      fail(error);
    }
    await showLinks(fail);
  });
}

// --- an event's booking, on its card ---------------------------------------------------------

/** Whether `item` was made by a booking link (its UID says so; application/bookings.py). */
export function isBooking(item) {
  return /^booking-[^@]+@/.test(String(item.uid || ""));
}

function bookingState(status) {
  if (status === "active") return t("bookings-card-active");
  if (status === "cancelled") return t("bookings-card-cancelled");
  if (status === "released") return t("bookings-card-released");
  return status;
}

/** The card's section about the booking `item` was made for (null when it was not, or when
 *  the person may not read it: the API leaves `booking` out then). */
export function bookingDetails(item) {
  const booking = item.booking;
  if (!booking) return null;
  const answers = booking.answers || [];
  return h("section", { class: "booking-card", "aria-label": t("bookings-card-title", { title: booking.title }) },
    h("h3", {}, t("bookings-card-title", { title: booking.title })),
    h("p", { class: "booker" },
      h("span", { class: "who" }, booking.name), " · ",
      h("a", { href: `mailto:${booking.email}`, class: "address" }, booking.email)),
    booking.timezone ? h("p", { class: "hint" }, t("bookings-card-zone", { zone: booking.timezone })) : null,
    answers.length
      ? h("dl", { class: "booking-answers" },
        answers.flatMap((answer) => [h("dt", {}, answer.question), h("dd", {}, answer.answer)]))
      : null,
    h("p", { class: `badge booking-status status-${booking.status === "active" ? "accepted" : "declined"}` },
      bookingState(booking.status)));
}

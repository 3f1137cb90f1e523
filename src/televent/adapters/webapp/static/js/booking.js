// Settings → Booking: the weekly hours people can book (GET/POST /api/v1/availability, saved
// with the settings' Save), and the booking links (GET/POST /api/v1/booking-links, PATCH to
// pause or resume, DELETE), each with its public address and a copy button.

import { call, get } from "./api.js";
import { $, choose, h, toast } from "./ui.js";

const DAYS = [["mon", "Monday"], ["tue", "Tuesday"], ["wed", "Wednesday"], ["thu", "Thursday"],
  ["fri", "Friday"], ["sat", "Saturday"], ["sun", "Sunday"]];

let hours = null; // {timezone, weekly: {mon: [[start, end]]}, overrides: [...]} being edited
let dirty = false;

// <input type="time"> cannot show 24:00: the end of the day is shown as 00:00.
const shownEnd = (end) => (end === "24:00" ? "00:00" : end);
const storedEnd = (end) => (end === "00:00" ? "24:00" : end);

/** The range "+ hours" adds: an hour after the last one ends, else 09:00-17:00. */
function nextRange(last) {
  if (!last) return ["09:00", "17:00"];
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
      weekly: Object.fromEntries(DAYS.map(([key]) => [key, (data.weekly && data.weekly[key]) || []])),
      overrides: data.overrides || [],
    };
    $("#availability-default").hidden = !data.is_default;
    renderHours();
  } catch (error) {
    hours = null;
    $("#availability-body").replaceChildren(h("p", { class: "hint" }, "Your hours could not be loaded."));
    fail(error);
  }
  await showLinks(fail);
}

function renderHours() {
  $("#availability-zone").textContent = hours.timezone;
  const rows = DAYS.map(([key, label]) => {
    const ranges = hours.weekly[key];
    const off = ranges.length === 0;
    return h("div", { class: "day", dataset: { day: key } },
      h("div", { class: "day-head" },
        h("span", { class: "day-name" }, label),
        h("label", { class: "check off" },
          h("input", {
            type: "checkbox", checked: off, "aria-label": `${label} off`,
            onchange: (event) => {
              hours.weekly[key] = event.target.checked ? [] : [["09:00", "17:00"]];
              changed();
              renderHours();
            },
          }), "Off")),
      h("div", { class: "ranges" },
        off ? h("span", { class: "hint" }, "Day off")
          : ranges.map((range, index) => rangeEditor(key, label, range, index)),
        h("button", {
          type: "button", class: "link", "aria-label": `Add hours on ${label}`,
          onclick: () => {
            ranges.push(nextRange(ranges[ranges.length - 1]));
            changed();
            renderHours();
          },
        }, "+ hours")));
  });
  const dates = hours.overrides.map((override) => h("li", {},
    h("span", { class: "who" }, override.date),
    h("span", { class: "hint" }, override.ranges.length
      ? override.ranges.map(([s, e]) => `${s}–${e}`).join(", ") : "day off"),
    h("button", {
      type: "button", class: "link danger", "aria-label": `Remove ${override.date}`,
      onclick: () => {
        hours.overrides = hours.overrides.filter((o) => o !== override);
        changed();
        renderHours();
      },
    }, "Remove")));
  $("#availability-body").replaceChildren(
    ...rows,
    dates.length ? h("ul", { class: "devices dates" }, dates) : "",
  );
}

function rangeEditor(day, label, range, index) {
  const set = (position) => (event) => {
    const value = event.target.value;
    hours.weekly[day][index][position] = position === 1 ? storedEnd(value) : value;
    changed();
  };
  return h("span", { class: "range" },
    h("input", { type: "time", value: range[0], "aria-label": `${label} from`, oninput: set(0), required: true }),
    "–",
    h("input", { type: "time", value: shownEnd(range[1]), "aria-label": `${label} to`, oninput: set(1), required: true }),
    h("button", {
      type: "button", class: "link danger", "aria-label": `Remove ${label} ${range[0]}`,
      onclick: () => {
        hours.weekly[day].splice(index, 1);
        changed();
        renderHours();
      },
    }, "×"));
}

/** Save the hours when they were edited (POST /availability, in `zone`); throws ApiError. */
export async function saveAvailability(zone) {
  if (!hours || !dirty) return;
  const body = { timezone: zone || hours.timezone, weekly: hours.weekly, overrides: hours.overrides };
  await call("POST", "/availability", { body });
  dirty = false;
}

function addDateOff() {
  const input = $("#date-off");
  const date = input.value;
  if (!date || !hours) return;
  hours.overrides = [...hours.overrides.filter((o) => o.date !== date), { date, ranges: [] }]
    .sort((a, b) => a.date.localeCompare(b.date));
  input.value = "";
  changed();
  renderHours();
  toast(`${date} is a day off once you save`);
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
  root.replaceChildren(links.length
    ? h("ul", { class: "devices links" }, links.map((link) => {
      const count = upcoming[link.slug] || 0;
      return h("li", { dataset: { slug: link.slug } },
        h("span", { class: "who" }, link.title),
        h("span", { class: `badge ${link.active ? "status-accepted" : ""}` }, link.active ? "Active" : "Paused"),
        h("span", { class: "address" }, link.url),
        h("span", { class: "hint wide-line" },
          `${link.duration_minutes} min · ${count} upcoming booking${count === 1 ? "" : "s"}`),
        h("span", { class: "link-actions" },
          h("button", { type: "button", class: "link", onclick: () => copy(link.url) }, "Copy link"),
          h("button", {
            type: "button", class: "link", onclick: () => setActive(link, !link.active, fail),
          }, link.active ? "Pause" : "Resume"),
          h("button", {
            type: "button", class: "link danger", "aria-label": `Delete ${link.title}`,
            onclick: () => removeLink(link, fail),
          }, "Delete")));
    }))
    : h("p", { class: "hint" }, "No booking links yet."));
}

async function copy(url) {
  try {
    await navigator.clipboard.writeText(url);
    toast("Link copied");
  } catch {
    window.prompt("Copy the link:", url); // eslint-disable-line no-alert
  }
}

async function setActive(link, active, fail) {
  try {
    await call("PATCH", `/booking-links/${encodeURIComponent(link.slug)}`, { body: { active } });
    toast(active ? `${link.title} takes bookings again` : `${link.title} is paused`);
  } catch (error) {
    fail(error);
  }
  await showLinks(fail);
}

async function removeLink(link, fail) {
  const ok = await choose(`Delete “${link.title}”? Its page stops working; bookings already made stay in your calendar.`,
    [["yes", "Delete", "danger"]]);
  if (!ok) return;
  try {
    await call("DELETE", `/booking-links/${encodeURIComponent(link.slug)}`);
    toast(`Deleted ${link.title}`);
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
    };
    for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
    try {
      const { data } = await call("POST", "/booking-links", { body });
      form.reset();
      toast(`${data.title} is ready: ${data.url}`);
    } catch (error) {
      fail(error);
    }
    await showLinks(fail);
  });
}

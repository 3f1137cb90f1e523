// Device passwords for CalDAV clients (and scripts): list, add (the password is shown once),
// revoke; with the address and user name to type into the client.

import { call, get } from "./api.js";
import { dateFormat, t } from "./i18n.js";
import { state } from "./state.js";
import { $, choose, h, toast } from "./ui.js";

function listOf(data) {
  return Array.isArray(data) ? data : (data && data.items) || [];
}

function when(value) {
  if (!value) return t("devices-never");
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return dateFormat({
    day: "numeric", month: "short", year: "numeric", hour: "numeric", minute: "2-digit", timeZone: state.tz,
  }).format(date);
}

export async function showDevices(fail) {
  const root = $("#devices-body");
  const me = state.me || {};
  $("#caldav-url").textContent = `${window.location.origin}/`;
  $("#caldav-user").textContent = String(me.telegram_id ?? "");
  let devices = [];
  try {
    devices = listOf((await get("/devices")).data);
  } catch (error) {
    fail(error);
  }
  root.replaceChildren(devices.length
    ? h("ul", { class: "devices" }, devices.map((device) => h("li", {},
      h("span", { class: "who" }, device.name),
      h("span", { class: "hint" },
        t("devices-used", { added: when(device.issued_at), used: when(device.last_used_at) })),
      h("button", {
        type: "button", class: "link danger", "aria-label": t("devices-revoke-label", { name: device.name }),
        onclick: () => revoke(device, fail),
      }, t("devices-revoke")))))
    : h("p", { class: "hint" }, t("devices-none")));
}

async function revoke(device, fail) {
  const ok = await choose(t("devices-revoke-question", { name: device.name }),
    [["yes", t("devices-revoke"), "danger"]]);
  if (!ok) return;
  try {
    await call("DELETE", `/devices/${encodeURIComponent(device.name)}`);
    toast(t("devices-revoked", { name: device.name }));
  } catch (error) {
    fail(error);
  }
  await showDevices(fail);
}

export function bindDevices(fail) {
  $("#device-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const input = $("#device-name");
    const name = input.value.trim();
    if (!name) return;
    try {
      const { data } = await call("POST", "/devices", { body: { name } });
      input.value = "";
      const shown = $("#new-password");
      shown.hidden = false;
      $("#new-password-value").textContent = data.password;
      $("#new-password-for").textContent = t("devices-new-password", { name: data.name || name });
      if (data.server) $("#caldav-url").textContent = data.server;
    } catch (error) {
      fail(error);
    }
    await showDevices(fail);
  });
}

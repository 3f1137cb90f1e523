// Email for every user (settings): the invitation address anyone can invite you at, a new one
// on demand (POST /me/invite-address), and linking your own email with a code mailed to it
// (POST /me/email, POST /me/email/verify, DELETE /me/email). Every answer is the new /me.

import { call } from "./api.js";
import { t } from "./i18n.js";
import { state } from "./state.js";
import { $, choose, toast } from "./ui.js";

/** Show the addresses of the account as /me has them. */
export function showEmail() {
  const me = state.me || {};
  $("#invite-address").textContent = me.invite_address || "";
  const linked = Boolean(me.email && me.email_verified);
  const awaiting = Boolean(me.email && !me.email_verified);
  $("#email-linked").hidden = !linked;
  $("#email-linked-text").textContent = linked ? t("settings-email-linked", { address: me.email }) : "";
  $("#email-form").hidden = linked;
  $("#code-form").hidden = !awaiting;
  $("#email-code").placeholder = awaiting ? t("settings-email-code-sent", { address: me.email }) : t("settings-email-code");
}

async function update(request, fail, said) {
  try {
    const { data } = await request();
    state.me = data;
    toast(said(data));
  } catch (error) {
    fail(error);
  }
  showEmail();
}

export function bindEmail(fail) {
  $("#email-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const email = $("#email-address").value.trim();
    if (!email) return;
    update(() => call("POST", "/me/email", { body: { email } }), fail,
      (me) => t("settings-email-code-on-its-way", { address: me.email }));
  });
  $("#code-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const input = $("#email-code");
    const code = input.value.trim();
    if (!code) return;
    input.value = "";
    update(() => call("POST", "/me/email/verify", { body: { code } }), fail,
      (me) => t("settings-email-now-linked", { address: me.email }));
  });
  $("#email-unlink").addEventListener("click", async () => {
    const ok = await choose(t("settings-email-unlink-question"),
      [["yes", t("settings-email-unlink"), "danger"]]);
    if (!ok) return;
    update(() => call("DELETE", "/me/email"), fail, () => t("settings-email-unlinked"));
  });
  $("#invite-renew").addEventListener("click", async () => {
    const ok = await choose(t("settings-email-renew-question"),
      [["yes", t("settings-email-renew-yes"), "danger"]]);
    if (!ok) return;
    update(() => call("POST", "/me/invite-address"), fail,
      (me) => t("settings-email-renewed", { address: me.invite_address }));
  });
}

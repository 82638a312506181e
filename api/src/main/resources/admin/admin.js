// Quire's operator page (/admin/): staff sign-in, projections, the event stream and its seals.
// Plain JavaScript, no dependencies, no inline script (the page is served with a strict
// Content-Security-Policy). Every call goes to an endpoint of the OpenAPI document (/api/schema/).
"use strict";

(function () {
  const TOKEN_KEY = "quire.admin.token";
  const PAGE = 50;
  const POLL_MS = 1000;
  const FOLLOW_MS = 2000;

  const $ = (id) => document.getElementById(id);

  /** Error of a call: its status and the error envelope's message, when there is one. */
  class CallError extends Error {
    constructor(status, body) {
      super(body && body.error && body.error.message ? body.error.message : "HTTP " + status);
      this.status = status;
      this.body = body;
    }
  }

  /** Thrown after the page went back to sign-in (401) or to the refusal (403). */
  class Handled extends Error {}

  const state = {
    token: sessionStorage.getItem(TOKEN_KEY),
    poller: null,
    follower: null,
    rebuilding: new Map(), // read model -> the last replay seen, while a rebuild runs
    finished: new Set(), // read models whose rebuild this page saw finish
    window: { after: 0, head: 0 },
    newest: 0, // the highest position shown, for following
  };

  async function call(method, path, body) {
    const headers = { Accept: "application/json" };
    if (state.token) headers.Authorization = "Token " + state.token;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "omit",
      cache: "no-store",
    });
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (response.ok) return json;
    if (response.status === 401 && state.token) {
      signOut("Your session has ended (the token expired or is not valid). Sign in again.");
      throw new Handled();
    }
    if (response.status === 403) {
      showRefused();
      throw new Handled();
    }
    throw new CallError(response.status, json);
  }

  function show(id, visible) {
    $(id).hidden = !visible;
  }

  function stopTimers() {
    clearInterval(state.poller);
    clearInterval(state.follower);
    state.poller = null;
    state.follower = null;
  }

  // --- Sign-in --------------------------------------------------------------------------------

  function showSignIn(notice) {
    stopTimers();
    show("console", false);
    show("refused", false);
    show("sign-out", false);
    show("signed-in-as", false);
    show("sign-in", true);
    $("sign-in-notice").textContent = notice || "";
    $("username").focus();
  }

  function signOut(notice) {
    state.token = null;
    sessionStorage.removeItem(TOKEN_KEY);
    showSignIn(notice);
  }

  function showRefused() {
    stopTimers();
    show("sign-in", false);
    show("console", false);
    show("refused", true);
    show("sign-out", true);
    $("refused-title").focus();
  }

  async function signIn(event) {
    event.preventDefault();
    $("sign-in-error").textContent = "";
    const username = $("username").value.trim();
    const password = $("password").value;
    if (!username || !password) {
      $("sign-in-error").textContent = "Enter a username and a password.";
      return;
    }
    try {
      const answer = await call("POST", "/api/v1/auth/token/", { username, password });
      state.token = answer.token;
      sessionStorage.setItem(TOKEN_KEY, state.token);
      $("password").value = "";
      await enter();
    } catch (error) {
      if (error instanceof Handled) return;
      $("sign-in-error").textContent =
        error.status === 401 ? "Wrong username or password." : "Sign-in failed: " + error.message;
      $("password").focus();
    }
  }

  async function enter() {
    const me = await call("GET", "/api/v1/auth/me/");
    $("signed-in-as").textContent = "Signed in as " + me.username;
    show("signed-in-as", true);
    show("sign-out", true);
    show("sign-in", false);
    if (!me.is_staff) {
      showRefused();
      return;
    }
    show("refused", false);
    show("console", true);
    $("projections-title").focus();
    // showNewest reads the head (for the seals too) before the newest window.
    await Promise.all([loadProjections(), showNewest()]);
    state.poller = setInterval(() => loadProjections().catch(report("projections-error")), POLL_MS);
  }

  function report(errorId) {
    return (error) => {
      if (error instanceof Handled) return;
      $(errorId).textContent = error.message;
    };
  }

  // --- Projections ----------------------------------------------------------------------------

  async function loadProjections() {
    let page = await call("GET", "/api/v1/admin/projections/");
    const items = [...page.results];
    while (page.next) {
      const next = new URL(page.next, location.href);
      page = await call("GET", next.pathname + next.search);
      items.push(...page.results);
    }
    $("projections-error").textContent = "";
    renderProjections(items);
  }

  function renderProjections(items) {
    const rows = $("projection-rows");
    const focused = document.activeElement && document.activeElement.dataset.name;
    rows.replaceChildren(...items.map(projectionRow));
    if (focused) {
      const again = rows.querySelector('button[data-name="' + CSS.escape(focused) + '"]');
      if (again) again.focus();
    }
  }

  function projectionRow(item) {
    const row = document.createElement("tr");
    row.dataset.name = item.name;
    row.append(
      cell(item.name, "th"),
      cell(item.status),
      cell(String(item.position)),
      cell(String(item.lag)),
      progressCell(item),
      cell(item.last_error ? "at " + item.last_error.global_sequence + ": " + item.last_error.message : "none"),
      actionCell(item)
    );
    return row;
  }

  function cell(text, tag) {
    const element = document.createElement(tag || "td");
    if (tag === "th") element.scope = "row";
    element.textContent = text;
    return element;
  }

  function progressCell(item) {
    const td = document.createElement("td");
    let replay = item.replay;
    if (replay) {
      state.rebuilding.set(item.name, replay);
      state.finished.delete(item.name);
    } else if (state.rebuilding.has(item.name)) {
      // It was rebuilding and is not any more: the rebuild finished (or failed, said by status).
      state.rebuilding.delete(item.name);
      if (item.status !== "error") state.finished.add(item.name);
    }
    if (!replay && !state.finished.has(item.name)) {
      td.textContent = "-";
      return td;
    }
    const done = !replay;
    const fraction = done ? 1 : Math.max(0, Math.min(1, replay.progress));
    const bar = document.createElement("progress");
    bar.max = 100;
    bar.value = Math.round(fraction * 100);
    bar.id = "progress-" + item.name;
    bar.setAttribute("aria-label", "Rebuild of " + item.name);
    const text = document.createElement("span");
    text.className = "progress-text";
    text.textContent = done
      ? "100%, rebuilt"
      : Math.round(fraction * 100) + "%, " + Math.round(replay.events_per_second) + " events/s, ETA " +
        (replay.eta_seconds == null ? "unknown" : Math.ceil(replay.eta_seconds) + " s");
    td.append(bar, text);
    return td;
  }

  function actionCell(item) {
    const td = document.createElement("td");
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = "Rebuild";
    button.dataset.name = item.name;
    button.setAttribute("aria-label", "Rebuild " + item.name);
    button.disabled = item.status === "replaying";
    button.addEventListener("click", () => confirmRebuild(item.name, button));
    td.append(button);
    return td;
  }

  function confirmRebuild(name, opener) {
    const dialog = $("confirm-rebuild");
    $("confirm-name").textContent = name;
    dialog.returnValue = "";
    // The table is drawn again every second: focus goes back to the button drawn now for this read
    // model, not to the one that opened the dialog, which may be gone.
    const backToTheButton = () => {
      const button = $("projection-rows").querySelector(
        'button[data-name="' + CSS.escape(name) + '"]');
      (button || opener).focus();
    };
    dialog.onclose = async () => {
      if (dialog.returnValue !== "rebuild") {
        backToTheButton();
        return;
      }
      try {
        await call("POST", "/api/v1/admin/projections/" + encodeURIComponent(name) + "/rebuild/");
        state.finished.delete(name);
        state.rebuilding.set(name, { progress: 0, events_per_second: 0, eta_seconds: null });
        $("projections-error").textContent = "";
        await loadProjections();
      } catch (error) {
        report("projections-error")(error);
      }
      backToTheButton();
    };
    dialog.showModal();
    $("confirm-cancel").focus();
  }

  // --- Event stream ---------------------------------------------------------------------------

  function filters() {
    const params = new URLSearchParams();
    for (const name of ["type", "org", "since", "until"]) {
      const value = $("filter-" + name).value.trim();
      if (value) params.set(name, value);
    }
    return params;
  }

  async function loadHead() {
    const head = await call("GET", "/api/v1/admin/events/head/");
    $("head-position").textContent = String(head.position);
    $("head-hash").textContent = head.hash || "-";
    state.window.head = head.position;
    return head;
  }

  async function showNewest() {
    try {
      const head = await loadHead();
      await showWindow(Math.max(0, head.position - PAGE));
    } catch (error) {
      report("events-error")(error);
    }
  }

  /** The events at positions after..after+PAGE (those the filters let through), newest first. */
  async function showWindow(after) {
    const params = filters();
    const filtered = [...params.entries()].map(([name, value]) => name + " " + value).join(", ");
    params.set("after", String(after));
    params.set("limit", String(PAGE));
    const page = await call("GET", "/api/v1/admin/events/?" + params.toString());
    const last = after + PAGE;
    const events = page.results.filter((e) => e.global_sequence <= last);
    state.window.after = after;
    $("events-error").textContent = "";
    $("event-list").replaceChildren(...events.reverse().map(eventItem));
    state.newest = Math.max(after, ...events.map((e) => e.global_sequence));
    const shownTo = Math.min(last, Math.max(state.window.head, after));
    $("events-status").textContent =
      events.length + " events at positions " + (after + 1) + " to " + shownTo +
      " (head: " + state.window.head + ")" + (filtered ? ", filtered by " + filtered : "");
    $("older-events").disabled = after === 0;
    $("newer-events").disabled = last >= state.window.head;
  }

  function eventItem(event) {
    const item = document.createElement("li");
    const details = document.createElement("details");
    const summary = document.createElement("summary");
    summary.textContent =
      "#" + event.global_sequence + " " + event.type + " on " + event.aggregate_type + " " +
      event.aggregate_id + " (" + event.sequence + "), " + event.occurred_at +
      (event.actor ? ", by " + (event.actor.username || event.actor.id) : "");
    const data = document.createElement("pre");
    data.textContent = JSON.stringify(event.data, null, 2);
    details.append(summary, data);
    item.append(details);
    item.dataset.position = String(event.global_sequence);
    return item;
  }

  async function follow() {
    const params = filters();
    params.set("after", String(state.newest));
    params.set("limit", String(PAGE));
    const page = await call("GET", "/api/v1/admin/events/?" + params.toString());
    if (page.results.length) {
      const list = $("event-list");
      for (const event of page.results) list.prepend(eventItem(event));
      state.newest = page.results[page.results.length - 1].global_sequence;
      $("events-status").textContent = "Following: newest event at position " + state.newest;
    }
  }

  function toggleFollow() {
    clearInterval(state.follower);
    state.follower = null;
    if ($("follow-events").checked) {
      state.follower = setInterval(() => follow().catch(report("events-error")), FOLLOW_MS);
      follow().catch(report("events-error"));
    }
  }

  // --- Seals ----------------------------------------------------------------------------------

  async function copyHash() {
    const hash = $("head-hash").textContent;
    try {
      await navigator.clipboard.writeText(hash);
      $("seals-status").textContent = "Copied the head hash.";
    } catch (unavailable) {
      const range = document.createRange();
      range.selectNodeContents($("head-hash"));
      const selection = getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      $("seals-status").textContent = "The clipboard is not available here: the hash is selected, copy it with Ctrl+C.";
    }
  }

  async function verify() {
    $("seals-status").textContent = "Verifying the whole history...";
    $("verify-result").replaceChildren();
    try {
      const result = await call("GET", "/api/v1/admin/events/verify/");
      const text = document.createElement("p");
      if (result.first_broken) {
        const broken = result.first_broken;
        text.className = "broken";
        text.textContent =
          "Broken: the first broken link is at position " + broken.global_sequence +
          " (aggregate " + broken.aggregate_id + ", event " + broken.sequence + "): " + broken.reason;
      } else {
        text.className = "intact";
        text.textContent =
          "Intact: " + result.checked + " events checked, up to position " + result.head.position + ".";
      }
      $("verify-result").append(text);
      $("seals-status").textContent = "Verified.";
    } catch (error) {
      if (error instanceof Handled) return;
      $("seals-status").textContent = "Verification failed: " + error.message;
    }
  }

  // --- Wiring ---------------------------------------------------------------------------------

  document.addEventListener("DOMContentLoaded", () => {
    $("sign-in-form").addEventListener("submit", signIn);
    $("sign-out").addEventListener("click", () => signOut("Signed out."));
    $("event-filters").addEventListener("submit", (event) => {
      event.preventDefault();
      showNewest();
    });
    $("older-events").addEventListener("click", () =>
      showWindow(Math.max(0, state.window.after - PAGE)).catch(report("events-error")));
    $("newer-events").addEventListener("click", () =>
      showWindow(state.window.after + PAGE).catch(report("events-error")));
    $("follow-events").addEventListener("change", toggleFollow);
    $("refresh-head").addEventListener("click", () => loadHead().catch(report("events-error")));
    $("copy-hash").addEventListener("click", copyHash);
    $("verify-seals").addEventListener("click", verify);
    if (state.token) {
      enter().catch((error) => {
        if (!(error instanceof Handled)) showSignIn("Sign in again: " + error.message);
      });
    } else {
      showSignIn();
    }
  });
})();

/* The agent console: queue (live), a conversation's history and summary, take over, reply
 * (with a suggested draft from the knowledge base), hand back, close. */
"use strict";

(() => {
  const { el, api, follow, time, signIn, typingPinger, typingNotice } = kefu;
  const KEY = "kefu.staff";
  let me = null;
  let current = null; // conversation id
  let convStream = null;
  let lastId = 0;
  const seen = new Set();
  const $ = (id) => document.getElementById(id);
  const typing = typingNotice($("typing"));
  const pingTyping = typingPinger(() => api("POST", `/api/agent/conversations/${encodeURIComponent(current)}/typing`, { token: me.token }));
  const REASONS = { emergency: "emergency", request: "asked for a person", low_confidence: "bot unsure", repeated_failure: "answers did not help" };

  function item(c) {
    const reason = c.handoff_reason || "";
    const button = el("button", { type: "button", "data-id": c.id, "aria-current": c.id === current ? "true" : "false", onclick: () => open(c.id) },
      el("span", {}, el("span", { class: `badge ${reason}` }, REASONS[reason] || c.status), " ", c.language ? el("span", { class: "badge" }, c.language) : null),
      el("span", { class: "muted" }, `${c.message_count} messages · ${c.waiting_since ? "waiting since " + time(c.waiting_since) : "updated " + time(c.updated_at)}`));
    return el("li", {}, button);
  }

  async function loadQueue() {
    try {
      const q = await api("GET", "/api/agent/queue", { token: me.token });
      $("waiting").replaceChildren(...q.waiting.map(item));
      $("mine").replaceChildren(...q.mine.map(item));
      $("waiting-count").textContent = String(q.waiting.length);
    } catch (err) { if (err.status === 401) signOut(); }
  }

  function bubble(m) {
    if (m.id) { if (seen.has(m.id)) return; seen.add(m.id); lastId = Math.max(lastId, m.id); }
    const who = { user: "Customer", assistant: "Bot", agent: "Agent", system: "System" }[m.role] || m.role;
    const extras = [];
    if (m.role === "assistant" && m.sources && m.sources.length) extras.push(el("div", { class: "extras muted" }, "Sources: " + m.sources.map((s) => s.title || s.id).join(", ")));
    if (m.role === "assistant" && m.handoff) extras.push(el("div", { class: "extras muted" }, "handed off"));
    $("log").append(el("article", { class: `msg ${m.role}` }, el("header", {}, el("strong", {}, who), el("time", {}, time(m.created_at))), el("div", { class: "text" }, m.content), ...extras));
    $("log").scrollTop = $("log").scrollHeight;
  }

  function buttons(c) {
    const mine = c.status === "agent" && c.assigned_agent === me.name;
    const admin = me.role === "admin";
    // Agents take waiting conversations; an admin may also take over one the bot or another
    // person has (the server enforces the same rules).
    $("take").hidden = !(c.status === "waiting" || (admin && !mine && (c.status === "bot" || c.status === "agent")));
    $("handback").hidden = !(mine || (admin && c.status === "agent"));
    $("close").hidden = c.status === "closed" || !(admin || mine || c.status === "waiting");
    $("reply").hidden = !mine;
    $("conv-title").textContent = `Conversation · ${c.status}${c.assigned_agent ? " · " + c.assigned_agent : ""}`;
  }

  async function open(id) {
    current = id;
    seen.clear(); lastId = 0;
    typing.hide();
    $("log").replaceChildren();
    convStream && convStream.abort();
    try {
      const d = await api("GET", `/api/agent/conversations/${encodeURIComponent(id)}`, { token: me.token });
      $("empty").hidden = true; $("open").hidden = false;
      $("summary").textContent = d.summary;
      $("sources-used").textContent = d.sources_used.length ? "Sources the bot used: " + d.sources_used.map((s) => `${s.title || s.id} (${s.id})`).join("; ") : "The bot used no sources.";
      d.messages.forEach(bubble);
      buttons(d.conversation);
      const box = $("reply-text");
      if (!box.value && d.suggestion.text) {
        box.value = d.suggestion.text;
        $("suggestion-note").textContent = `(suggested from ${d.suggestion.sources.map((s) => s.id).join(", ")}, edit before sending)`;
      } else {
        $("suggestion-note").textContent = "";
      }
      for (const b of document.querySelectorAll(".queue button")) b.setAttribute("aria-current", b.dataset.id === id ? "true" : "false");
      convStream = follow(() => `/api/agent/conversations/${encodeURIComponent(id)}/events?after=${lastId}`, me.token, (name, data) => {
        if (name === "message") { bubble(data); if (data.role === "user") typing.hide(); }
        else if (name === "status") buttons(data);
        else if (name === "typing" && data.role === "user") typing.show("Customer is typing…");
      });
    } catch (err) { $("reply-error").textContent = err.message; }
  }

  async function act(path) {
    $("reply-error").textContent = "";
    try {
      const c = await api("POST", `/api/agent/conversations/${encodeURIComponent(current)}/${path}`, { token: me.token });
      buttons(c);
      loadQueue();
    } catch (err) { $("reply-error").textContent = err.message; }
  }

  function signOut() {
    sessionStorage.removeItem(KEY);
    location.reload();
  }

  $("take").addEventListener("click", () => act("take"));
  $("handback").addEventListener("click", () => act("hand-back"));
  $("close").addEventListener("click", () => act("close"));
  $("signout").addEventListener("click", signOut);
  $("reply").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const text = $("reply-text").value.trim();
    if (!text) return;
    $("reply-error").textContent = "";
    try {
      const m = await api("POST", `/api/agent/conversations/${encodeURIComponent(current)}/messages`, { token: me.token, body: { text } });
      bubble(m);
      $("reply-text").value = "";
      $("suggestion-note").textContent = "";
    } catch (err) { $("reply-error").textContent = err.message; }
  });
  $("reply-text").addEventListener("input", () => { if (current && !$("reply").hidden) pingTyping(); });
  $("reply-text").addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); $("reply").requestSubmit(); }
  });

  signIn($("signin"), KEY, (who) => {
    me = who;
    $("who").textContent = `${who.name} (${who.role})`;
    $("signout").hidden = false;
    $("console").hidden = false;
    loadQueue();
    follow(() => "/api/agent/events", me.token, (name) => { if (name === "status" || name === "activity" || name === "resync") loadQueue(); });
  });
})();

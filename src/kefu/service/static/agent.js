/* The agent console: queue (live), a conversation's history and summary, take over, reply
 * (with a suggested draft from the knowledge base), hand back, close.
 * Each conversation keeps its own reply draft: text written or suggested for one customer
 * must never be sent to another after the agent opens a different conversation. */
"use strict";

(() => {
  const { el, said, api, follow, time, signIn, typingPinger, typingNotice } = kefu;
  const KEY = "kefu.staff";
  let me = null;
  let current = null; // conversation id
  // conversation id -> {text, suggestion: {text, note}}: the reply box of each conversation
  const drafts = new Map();
  let convStream = null;
  let lastId = 0;
  const seen = new Set();
  const $ = (id) => document.getElementById(id);
  const typing = typingNotice($("typing"));
  const pingTyping = typingPinger(() => api("POST", `/api/agent/conversations/${encodeURIComponent(current)}/typing`, { token: me.token }));
  const REASONS = { emergency: "emergency", threat: "threat of violence", safeguarding: "child safeguarding", misconduct: "report against staff", romance_scam: "romance scam or sextortion", request: "asked for a person", safety: "refused on principle", low_confidence: "bot unsure", repeated_failure: "answers did not help" };

  // The reasons that rank first in the queue (priority 3) and raise an alert in a held chat.
  const URGENT = new Set(["emergency", "threat", "safeguarding", "misconduct", "romance_scam"]);

  function item(c) {
    const reason = c.handoff_reason || "";
    // Once taken, why it was handed over matters less than whose it is: an emergency, a
    // threat or a safeguarding report still says so (it must stand out), any other reason
    // gives way to "yours".
    const held = c.status === "agent";
    const plain = held && !URGENT.has(reason);
    const tag = plain ? (c.assigned_agent === me.name ? "yours" : c.assigned_agent || "held") : REASONS[reason] || c.status;
    const when = held && c.taken_at ? `${c.assigned_agent === me.name ? "yours" : "held"} since ${time(c.taken_at)}`
      : c.waiting_since ? "waiting since " + time(c.waiting_since) : "updated " + time(c.updated_at);
    const button = el("button", { type: "button", "data-id": c.id, "aria-current": c.id === current ? "true" : "false", onclick: () => open(c.id) },
      el("span", {}, el("span", { class: `badge ${plain ? "held" : reason}` }, tag), " ", c.language ? el("span", { class: "badge" }, c.language) : null),
      c.first_question ? said("span", { class: "asked" }, c.first_question) : null,
      el("span", { class: "muted" }, `${c.message_count} messages · ${when}`));
    return el("li", {}, button);
  }

  // The queue comes a page at a time (GET /api/agent/queue?limit&offset); the agent sees
  // PAGE more each time they ask, and the badge always counts the whole queue.
  const PAGE = 100;
  let wanted = PAGE;
  let loads = 0; // a reload started later wins over one still on its way

  async function loadQueue() {
    const mine = ++loads;
    try {
      const waiting = [];
      let q;
      do {
        q = await api("GET", `/api/agent/queue?limit=${PAGE}&offset=${waiting.length}`, { token: me.token });
        waiting.push(...q.waiting);
      } while (q.waiting.length && waiting.length < Math.min(wanted, q.waiting_total));
      if (mine !== loads) return;
      $("waiting").replaceChildren(...waiting.map(item));
      $("mine").replaceChildren(...q.mine.map(item));
      $("waiting-count").textContent = String(q.waiting_total);
      const more = q.waiting_total - waiting.length;
      $("more").hidden = more <= 0;
      $("more").textContent = `Show more (${more} more waiting)`;
    } catch (err) { if (err.status === 401) signOut(); }
  }

  /** An emergency, a threat or a safeguarding report in a conversation a person holds: the
   * holder (and any admin) must look now, whatever they are doing. Says why, what the bot
   * told the customer (none for a threat: the person answers it) and the numbers it gave. */
  const ALERT_TITLES = { emergency: "Emergency", threat: "Threat of violence", safeguarding: "Child safeguarding", misconduct: "Report against staff", romance_scam: "Romance scam or sextortion" };
  function alertEmergency(data) {
    if (data.assigned_agent !== me.name && me.role !== "admin") return;
    const reason = data.reason || "emergency";
    const open_ = el("button", { type: "button", onclick: () => { $("alert").hidden = true; open(data.conversation_id); } }, "Open");
    const given = data.reply_id == null ? "The bot has not replied: it is yours to answer."
      : reason === "emergency" ? "The bot has given them the emergency line." : "The bot has given them its safety advice.";
    const numbers = data.numbers && data.numbers.length ? ` Numbers ${data.reply_id == null ? "kefu would give" : "given"}: ${data.numbers.join(", ")}.` : "";
    $("alert").replaceChildren(el("strong", {}, `${ALERT_TITLES[reason] || reason} (priority ${data.priority || 3}): `), `a customer ${data.assigned_agent === me.name ? "you are helping" : "with " + data.assigned_agent} wrote “`, said("bdi", {}, data.text), `”. ${given}${numbers} `, open_);
    $("alert").hidden = false;
  }

  function bubble(m) {
    if (m.id) { if (seen.has(m.id)) return; seen.add(m.id); lastId = Math.max(lastId, m.id); }
    const who = { user: "Customer", assistant: "Bot", agent: "Agent", system: "System" }[m.role] || m.role;
    const extras = [];
    if (m.role === "assistant" && m.sources && m.sources.length) extras.push(el("div", { class: "extras muted" }, "Sources: " + m.sources.map((s) => s.title || s.id).join(", ")));
    if (m.role === "assistant" && m.handoff) extras.push(el("div", { class: "extras muted" }, "handed off"));
    // The customer's words exactly as typed; the bot's and the agents' with their Markdown
    // shown (markdown.js builds elements and text nodes, never HTML).
    const text = m.role === "assistant" || m.role === "agent"
      ? el("div", { class: "text md" }, kefuMarkdown.render(m.content))
      : said("div", { class: "text" }, m.content);
    $("log").append(el("article", { class: `msg ${m.role}` }, el("header", {}, el("strong", {}, who), el("time", {}, time(m.created_at))), text, ...extras));
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

  /** Show the "suggested from" note only while the box holds that suggestion unchanged. */
  function showNote() {
    const draft = current && drafts.get(current);
    const s = draft && draft.suggestion;
    $("suggestion-note").textContent = s && s.text && $("reply-text").value === s.text ? s.note : "";
  }

  /** Keep the reply box's text with the conversation it was written for. */
  function keepDraft() {
    if (!current) return;
    const draft = drafts.get(current) || { suggestion: null };
    draft.text = $("reply-text").value;
    drafts.set(current, draft);
  }

  function showDraft(id, suggestion) {
    let draft = drafts.get(id);
    if (!draft) {
      const note = suggestion.text ? `(suggested from ${suggestion.sources.map((s) => s.id).join(", ")}, edit before sending)` : "";
      draft = { text: suggestion.text || "", suggestion: { text: suggestion.text || "", note } };
      drafts.set(id, draft);
    }
    $("reply-text").value = draft.text;
    showNote();
  }

  async function open(id) {
    keepDraft();
    current = id;
    seen.clear(); lastId = 0;
    typing.hide();
    $("log").replaceChildren();
    $("reply-text").value = "";
    $("suggestion-note").textContent = "";
    $("reply-error").textContent = "";
    convStream && convStream.abort();
    convStream = null;
    try {
      const d = await api("GET", `/api/agent/conversations/${encodeURIComponent(id)}`, { token: me.token });
      if (current !== id) return; // the agent opened another conversation meanwhile
      $("empty").hidden = true; $("open").hidden = false;
      $("summary").replaceChildren(said("span", {}, d.summary));
      $("sources-used").textContent = d.sources_used.length ? "Sources the bot used: " + d.sources_used.map((s) => `${s.title || s.id} (${s.id})`).join("; ") : "The bot used no sources.";
      d.messages.forEach(bubble);
      buttons(d.conversation);
      showDraft(id, d.suggestion);
      for (const b of document.querySelectorAll(".queue button")) b.setAttribute("aria-current", b.dataset.id === id ? "true" : "false");
      convStream = follow(() => `/api/agent/conversations/${encodeURIComponent(id)}/events?after=${lastId}`, me.token, (name, data) => {
        if (name === "message") { bubble(data); if (data.role === "user") typing.hide(); }
        else if (name === "status") buttons(data);
        else if (name === "typing" && data.role === "user") typing.show("Customer is typing…");
      });
    } catch (err) { if (current === id) $("reply-error").textContent = err.message; }
  }

  async function act(path) {
    $("reply-error").textContent = "";
    try {
      const c = await api("POST", `/api/agent/conversations/${encodeURIComponent(current)}/${path}`, { token: me.token });
      buttons(c);
      loadQueue();
    } catch (err) { $("reply-error").textContent = err.message; }
  }

  function signOut() { kefu.signOut(KEY, me && me.token); }

  $("more").addEventListener("click", () => { wanted += PAGE; loadQueue(); });
  $("take").addEventListener("click", () => act("take"));
  $("handback").addEventListener("click", () => act("hand-back"));
  $("close").addEventListener("click", () => act("close"));
  $("signout").addEventListener("click", signOut);
  $("reply").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const id = current;
    const text = $("reply-text").value.trim();
    if (!text || !id) return;
    $("reply-error").textContent = "";
    try {
      const m = await api("POST", `/api/agent/conversations/${encodeURIComponent(id)}/messages`, { token: me.token, body: { text } });
      drafts.set(id, { text: "", suggestion: null }); // sent: nothing left to suggest
      if (current !== id) return;
      bubble(m);
      $("reply-text").value = "";
      showNote();
    } catch (err) { if (current === id) $("reply-error").textContent = err.message; }
  });
  $("reply-text").addEventListener("input", () => {
    keepDraft();
    showNote();
    if (current && !$("reply").hidden) pingTyping();
  });
  $("reply-text").addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); $("reply").requestSubmit(); }
  });

  signIn($("signin"), KEY, (who) => {
    me = who;
    $("who").textContent = `${who.name} (${who.role})`;
    $("signout").hidden = false;
    $("console").hidden = false;
    loadQueue();
    follow(() => "/api/agent/events", me.token, (name, data) => {
      if (name === "emergency") alertEmergency(data);
      if (name === "status" || name === "activity" || name === "resync") loadQueue();
    });
  });
})();

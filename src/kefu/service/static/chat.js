/* The customer chat (also what the widget shows in its frame).
 * - answers stream token by token (POST .../messages?stream=true read as SSE);
 * - a second stream (/events) brings agent messages and status changes live;
 * - the conversation id and token live in localStorage, so a reload continues the chat;
 * - after a network drop the event stream reconnects with ?after=<last id> and unsent
 *   messages wait in an outbox that is retried, so nothing is lost;
 * - a message stays in that outbox (localStorage) from the moment it is typed until the
 *   server has stored it, so a reload at any moment loses none of it; one sent again keeps
 *   its client id, and the server answers that with the turn it stored, never twice;
 * - a reload reads the history first and only then sends what waited in the outbox;
 * - a page view alone creates nothing: the conversation is made when it is needed (the first
 *   message sent, "talk to a person"), and the event stream is opened only once there is one
 *   (at once after a reload if this browser has one); a tab hidden for a minute lets its
 *   stream go and takes it up again, from the last id, when it is shown;
 * - each message this page sends has a client id, which the server's events for that turn
 *   carry back: the page adopts its own bubbles by that id, never by guessing from roles. */
"use strict";

(() => {
  const { el, api, follow, readEvents, time, typingPinger, typingNotice, ApiError } = kefu;
  const STORE = "kefu.chat";
  const OUTBOX = "kefu.outbox";
  const query = new URLSearchParams(location.search);
  const embedded = window.parent !== window && query.has("embed");
  const TEXT = kefuChatText; // chat-text.js
  const md = kefuMarkdown; // markdown.js
  // ?lang=zh (the widget passes its host page's language) wins over the browser's.
  const asked = (query.get("lang") || navigator.language || "en").toLowerCase();
  let lang = asked.startsWith("zh") ? "zh" : "en";
  // Hong Kong, Macau and Taiwan write traditional characters: zh-HK, zh-MO, zh-TW, zh-Hant.
  const hant = /^zh-(hk|mo|tw|hant)/.test(asked);
  const table = () => (lang === "zh" && hant ? TEXT["zh-Hant"] : TEXT[lang]);
  const t = (key) => table()[key] || TEXT.en[key] || key;
  // The business's own welcome line per language (KEFU_WELCOME, KEFU_WELCOME_ZH), if any.
  let custom = {};
  const welcomeText = () => custom[lang] || t("welcome");
  const chatSettings = api("GET", "/api/chat/settings")
    .then((c) => { custom = { en: c.welcome_en, zh: c.welcome_zh }; })
    .catch(() => { /* offline: the page's own greeting */ });

  const log = document.getElementById("log");
  const form = document.getElementById("form");
  const input = document.getElementById("text");
  const statusBox = document.getElementById("status");
  const conn = document.getElementById("conn");
  const seen = new Map(); // message id -> element
  let session = JSON.parse(localStorage.getItem(STORE) || "null");
  let lastId = 0;
  // Messages to send, one after the other ({text, cid}): typed while an answer is still
  // coming, or taken back from the outbox. None is dropped for arriving at a busy moment.
  const sending = [];
  let busy = false; // a message is being sent
  let events = null;
  const typing = typingNotice(document.getElementById("typing"));
  // Tell the agent we are typing, only while a person is (or is about to be) in the chat.
  const pingTyping = typingPinger(() => api("POST", `/api/conversations/${session.id}/typing`, { token: session.token }));

  function applyLanguage() {
    document.documentElement.lang = lang === "zh" ? (hant ? "zh-HK" : "zh-CN") : "en";
    for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
    for (const node of document.querySelectorAll("[data-i18n-placeholder]")) node.placeholder = t(node.dataset.i18nPlaceholder);
    for (const node of document.querySelectorAll("[data-i18n-aria]")) node.setAttribute("aria-label", t(node.dataset.i18nAria));
    // "客服" beside "Customer support" says what the page is to Chinese readers; beside
    // "在线客服" it would say it twice.
    document.getElementById("brand").hidden = lang === "zh";
    document.getElementById("lang").textContent = lang === "zh" ? "English" : "中文";
    const welcome = log.querySelector('[data-id="welcome"] .text');
    if (welcome) md.show(welcome, welcomeText());
  }

  function scroll() { log.scrollTop = log.scrollHeight; }

  /** A name for one message of ours, unique enough within one conversation. */
  function newCid() { return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`; }

  /** A message's text: the customer's own exactly as typed; the bot's and the agents' with
   * their Markdown shown (markdown.js: elements and text nodes only, never HTML). */
  function body(role, text) {
    if (role !== "assistant" && role !== "agent") return el("div", { class: "text" }, text);
    return el("div", { class: "text md" }, md.render(text));
  }

  function bubble(role, text, opts = {}) {
    // The label follows the page's language when it is switched (data-i18n), like the rest.
    const who = role === "user" ? "you" : role === "agent" ? "agent" : "bot";
    // data-cid: our own question's client id; data-reply: the client id it answers.
    const node = el("article", { class: `msg ${role}`, "data-id": opts.id || null, "data-cid": opts.cid || null, "data-reply": opts.reply || null },
      el("header", {}, el("strong", { "data-i18n": who }, t(who)), opts.at ? el("time", {}, time(opts.at)) : null), body(role, text));
    log.append(node);
    scroll();
    return node;
  }

  function decorate(node, answer) {
    node.querySelector(".extras")?.remove();
    const extras = el("div", { class: "extras" });
    // A declined answer ("I'm not sure…") rests on no source: the passages the bot looked at
    // are for the agents (their console lists them), not to offer the customer, nor to rate.
    const declined = answer.mode === "declined";
    const said = answer.answer ?? answer.content;
    if (!declined && answer.sources && answer.sources.length && said) {
      // "[complaints_procedure#7]" is the model citing a passage by its id: the customer
      // reads [1] for the first source button instead of an internal name.
      md.show(node.querySelector(".text"), numbered(said, answer.sources));
    }
    if (!declined && answer.sources && answer.sources.length) {
      extras.append(el("span", { class: "muted" }, `${t("sources")}: `));
      for (const s of answer.sources) {
        extras.append(el("button", {
          type: "button", class: "chip", title: t("open"),
          onclick: () => openSource(s.id),
        }, s.title || s.id));
      }
    }
    if (declined && answer.related && answer.related.length) {
      // The business's own questions near this one (kefu.dialogue.related): one click asks it,
      // word for word, and its answer comes back; the person called meanwhile still comes.
      extras.append(el("span", { class: "muted", "data-i18n": "related" }, `${t("related")} `));
      for (const r of answer.related) {
        extras.append(el("button", { type: "button", class: "chip related", onclick: () => queue(r.question) }, r.question));
      }
    }
    const id = answer.message_id || answer.id;
    if (id) {
      node.dataset.id = id;
      seen.set(Number(id), node);
    }
    if (id && !declined) {
      const thumbs = el("span", { class: "thumbs", role: "group", "aria-label": t("feedback"), "data-i18n-aria": "feedback" },
        el("button", { type: "button", class: "ghost", "aria-label": t("up"), title: t("up"), onclick: (e) => thumb(id, 1, e) }, "👍"),
        el("button", { type: "button", class: "ghost", "aria-label": t("down"), title: t("down"), onclick: (e) => thumb(id, -1, e) }, "👎"));
      extras.append(thumbs);
    }
    node.append(extras);
  }

  /** ``text`` with each citation of a source's id ("[sh-1]") as its place in ``sources``. */
  function numbered(text, sources) {
    const place = new Map(sources.map((s, i) => [s.id, i + 1]));
    return text.replace(/\[([^\[\]]{1,80})\]/g, (whole, id) => (place.has(id.trim()) ? `[${place.get(id.trim())}]` : whole));
  }

  async function thumb(id, value, ev) {
    try {
      await api("POST", `/api/conversations/${session.id}/feedback`, { token: session.token, body: { message_id: Number(id), value } });
      const group = ev.target.closest(".thumbs");
      group.replaceChildren(el("span", { class: "muted" }, t("thanks")));
    } catch (err) { showError(describe(err)); }
  }

  async function openSource(id) {
    try {
      const s = await api("GET", `/api/conversations/${session.id}/sources/${encodeURIComponent(id)}`, { token: session.token });
      const title = s.title || s.id;
      document.getElementById("source-title").textContent = title;
      // An FAQ's question is often its title too: say it once.
      const question = s.question && s.question.trim() !== title.trim() ? s.question : "";
      document.getElementById("source-question").textContent = question;
      document.getElementById("source-question").hidden = !question;
      // Help articles are often Markdown: shown as the answers are (nothing in it becomes HTML).
      md.show(document.getElementById("source-text"), s.text);
      const panel = document.getElementById("source");
      panel.hidden = false;
      document.getElementById("source-close").focus();
    } catch (err) { showError(describe(err)); }
  }

  /** What went wrong, in the page's language. */
  function describe(err) {
    const code = err.code === "too_large" ? "too_long" : err.code;
    if (["empty", "too_long", "markup_only"].includes(code)) return t(code);
    if (!err.status) return t("network");
    return lang === "en" && err.message ? err.message : t("cannot");
  }

  /** The server refused our message (and stored nothing): say so on its bubble. */
  function refuse(node, err) {
    node.classList.add("refused");
    node.append(el("p", { class: "note error", role: "alert" }, `${t("refused")} ${describe(err)}`));
    scroll();
  }

  function showError(message) {
    const node = el("p", { class: "error", role: "alert" }, message);
    log.append(node);
    scroll();
  }

  function setStatus(state) {
    const before = statusBox.dataset.state;
    // A person handed the chat back: say so in the conversation, where the customer looks,
    // not only by the status bar going away.
    if (before === "agent" && state === "bot") {
      log.append(el("p", { class: "notice", role: "status", "data-i18n": "back" }, t("back")));
      scroll();
    }
    const text = state === "waiting" ? t("waiting") : state === "agent" ? t("held") : state === "closed" ? t("closed") : "";
    statusBox.textContent = text;
    statusBox.hidden = !text;
    statusBox.dataset.state = state;
    // Offered once the conversation is closed or two real answers came (the greeting is none).
    const answers = log.querySelectorAll(".msg.assistant:not([data-id='welcome']), .msg.agent").length;
    document.getElementById("rate").hidden = !(state === "closed" || answers >= 2);
  }

  /** Our own bubble for this stored message, if the page sent its turn: the question by
   * its client id, the answer by the client id it replies to. */
  function ownBubble(data) {
    const cid = data.client_id;
    if (!cid || !/^[A-Za-z0-9_-]+$/.test(cid)) return null;
    if (data.role === "user") return log.querySelector(`.msg.user[data-cid="${cid}"]:not([data-id])`);
    if (data.role === "assistant") return log.querySelector(`.msg.assistant[data-reply="${cid}"]:not([data-id])`);
    return null;
  }

  function showMessage(data) {
    const id = Number(data.id);
    lastId = Math.max(lastId, id);
    // A message of ours the server has stored (seen live, or in the history after a reload)
    // is out of the outbox for good.
    if (data.role === "user" && data.client_id) drop(data.client_id);
    if (seen.has(id)) return;
    // Our own question and its streamed answer are on screen already: adopt them. (The
    // stored text can differ from what was typed: personal data is redacted.)
    const own = ownBubble(data);
    if (own) {
      own.dataset.id = id; seen.set(id, own);
      if (own.classList.contains("thinking")) answerText(own, data.content);
      if (data.role === "assistant") decorate(own, data);
      return;
    }
    const node = bubble(data.role, data.content, { id, at: data.created_at });
    // Our bubbles without an id yet (a question being sent, its answer coming, one that
    // failed) are not stored yet, so every stored message goes above them: after a reload,
    // a turn the old page started arrives while the outbox's next question is on its way.
    const pending = log.querySelector(".msg:not([data-id])");
    if (pending) log.insertBefore(node, pending);
    seen.set(id, node);
    if (data.role === "assistant") decorate(node, data);
    if (data.role === "agent") typing.hide();
  }

  function onEvent(name, data) {
    if (name === "message") {
      showMessage(data);
    } else if (name === "status") {
      if (data.rating) rated();
      setStatus(data.status);
      // Sent after the missed messages on every (re)connect: the history is on screen, so
      // what waited in the outbox goes out now, below it.
      flushOutbox();
    } else if (name === "typing") {
      if (data.role === "agent") typing.show(t("typing").replace("{name}", data.name || t("agent")));
    } else if (name === "resync") {
      // fall behind: the reconnect reads the history again from lastId
    }
  }

  function forget() {
    // The conversation is gone (erased, or the server was reset): the next message starts a
    // new one, and so does one waiting in the outbox now.
    localStorage.removeItem(STORE); session = null; lastId = 0;
    events && events.abort(); events = null;
    starting = null;
    if (outbox().length) flushOutbox();
  }

  // The page's conversation, made once, when first needed (a send, "talk to a person"); a
  // failed start (offline) is tried again by whatever needs it next.
  let starting = null;
  function begin() {
    if (!starting) starting = start().catch((err) => { starting = null; throw err; });
    return starting;
  }

  /** The stored conversation, oldest first; the event stream then continues after it. */
  async function loadHistory() {
    try {
      const h = await api("GET", `/api/conversations/${session.id}/messages`, { token: session.token });
      h.messages.forEach(showMessage);
      if (h.rating) rated();
      setStatus(h.status);
      return true;
    } catch (err) {
      if (err.status === 403 || err.status === 404) { forget(); return false; }
      return true; // offline: the event stream sends the history once it connects
    }
  }

  /** At load: the greeting, and the conversation this browser already has, if any (its
   * history, then its event stream); messages that waited in the outbox without one start
   * it. A mere page view makes no conversation and holds no stream. */
  async function resume() {
    tellWidget(outbox().length); // another tab may have sent what waited
    await chatSettings;
    // The greeting heads every conversation; it is the page's, never stored.
    if (!log.querySelector('[data-id="welcome"]')) log.prepend(bubble("assistant", welcomeText(), { id: "welcome" }));
    if (session) {
      if (await loadHistory()) listen(); // the outbox goes out once the stream has caught up
    } else if (outbox().length) {
      flushOutbox();
    }
  }

  async function start() {
    await ready; // a message typed at once still goes below the history
    if (session) return;
    const created = await api("POST", "/api/conversations");
    session = { id: created.id, token: created.token };
    localStorage.setItem(STORE, JSON.stringify(session));
    listen();
  }

  function listen() {
    events && events.abort();
    events = follow(() => `/api/conversations/${session.id}/events?after=${lastId}`, session.token, onEvent, (state, err) => {
      setConn(state);
      if (state === "denied" && err && (err.status === 403 || err.status === 404)) forget();
    });
  }

  // Each open chat holds one event stream, and a browser allows only 6 connections per
  // server across all its tabs: a tab hidden for a minute lets its stream go and opens it
  // again when it is shown (?after=<last id>: the server first sends what was missed).
  const SLEEP_MS = 60000;
  let sleepTimer = null;
  let asleep = false;
  document.addEventListener("visibilitychange", () => {
    clearTimeout(sleepTimer);
    if (document.hidden) {
      sleepTimer = setTimeout(() => {
        if (!events) return;
        events.abort(); events = null; asleep = true;
      }, SLEEP_MS);
    } else if (asleep) {
      asleep = false;
      if (session && !events) listen();
    }
  });

  function setConn(state) {
    conn.textContent = state === "offline" ? t("offline") : "";
    conn.dataset.state = state;
  }

  // The outbox holds {cid, text, at} (at: when typed, which orders it); a page before client
  // ids stored plain strings. It holds every message the server has not stored yet: typed
  // and waiting for an earlier answer, being sent, or failed. Sending one again is safe: the
  // server knows a stored message by its client id and replies with that turn.
  function outbox() {
    return JSON.parse(localStorage.getItem(OUTBOX) || "[]").map((m) => (typeof m === "string" ? { cid: newCid(), text: m, at: 0 } : m));
  }
  function saveOutbox(list) {
    list.sort((a, b) => (a.at || 0) - (b.at || 0));
    localStorage.setItem(OUTBOX, JSON.stringify(list));
    tellWidget(list.length);
  }
  // Inside the widget, the page around it learns how many messages wait unsent (a number,
  // nothing of their text): a visitor who leaves with some gets the chat made, closed, on the
  // next page view, so they go out then (widget.js).
  function tellWidget(pending) {
    if (embedded) window.parent.postMessage({ kefu: "outbox", pending }, "*");
  }
  function keep(m) { saveOutbox([...outbox().filter((q) => q.cid !== m.cid), m]); }
  function drop(cid) { saveOutbox(outbox().filter((q) => q.cid !== cid)); }

  // Unsent messages are tried again whenever the event stream (re)connects, when the browser
  // says it is back online, and on a timer meanwhile (growing from 2 s to 30 s), in case the
  // stream still hangs on a connection that is gone.
  let retryTimer = null;
  let retryDelay = 2000;
  function retryLater() {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(flushOutbox, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 30000);
  }

  /** Give our bubble the id the server stored its message under (if no event did yet). */
  function adopt(node, id) {
    if (!id || node.dataset.id) return;
    if (seen.has(Number(id))) { node.remove(); return; } // shown from an event meanwhile
    node.dataset.id = id; seen.set(Number(id), node);
  }

  let inflight = null; // the client id being sent now
  function flushOutbox() {
    clearTimeout(retryTimer);
    const pending = outbox().filter((m) => m.cid !== inflight && !sending.some((q) => q.cid === m.cid));
    if (!pending.length) { retryDelay = 2000; return; }
    sending.unshift(...pending);
    sending.sort((a, b) => (a.at || 0) - (b.at || 0)); // in the order they were typed
    pump();
  }

  async function pump() {
    if (busy) return;
    busy = true;
    try {
      while (sending.length) {
        const m = sending.shift();
        inflight = m.cid;
        await send(m.text, m.cid, m.at);
      }
    } finally { busy = false; inflight = null; }
  }

  /** An answer bubble that shows three dots until the first words arrive. */
  function thinking(cid) {
    const node = bubble("assistant", "", { reply: cid });
    node.classList.add("thinking");
    node.querySelector(".text").replaceChildren(
      el("span", { class: "dots", "aria-hidden": "true" }, el("span", {}), el("span", {}), el("span", {})),
      el("span", { class: "visually-hidden" }, t("thinking")));
    return node;
  }

  /** The answer so far (or whole): rendered again from its whole text at each token, which
   * is cheap, and shows a list or a bold phrase right once its closing mark has come. */
  function answerText(node, text) {
    node.classList.remove("thinking");
    md.show(node.querySelector(".text"), text);
  }

  /** Send one message; ``cid`` is its client id (its bubble's, if it has one already), ``at``
   * when it was typed (its place in the outbox). */
  async function send(text, cid, at) {
    let failed = false;
    let mine = log.querySelector(`.msg.user[data-cid="${cid}"]`);
    if (mine) { mine.classList.remove("failed"); mine.querySelector(".note")?.remove(); }
    else mine = bubble("user", text, { cid });
    // While a person holds the chat the bot stays silent: no dots then.
    let answerNode = statusBox.dataset.state === "agent" ? null : thinking(cid);
    let streamed = "";
    try {
      await begin(); // a message typed before the page had its conversation waits for it
      const res = await fetch(`/api/conversations/${session.id}/messages?stream=true`, {
        method: "POST",
        headers: { Authorization: `Bearer ${session.token}`, "Content-Type": "application/json", Accept: "text/event-stream" },
        body: JSON.stringify({ text, client_id: cid }),
      });
      if (!res.ok) {
        answerNode && answerNode.remove();
        let d = {};
        try { d = (await res.json()) || {}; } catch (_) { /* no JSON body */ }
        const msg = typeof d.error === "string" ? d.error : res.statusText;
        if (res.status >= 500 || res.status === 429) throw new TypeError(msg); // retried later
        drop(cid); // refused for good: sending it again would be refused again
        refuse(mine, new ApiError(res.status, msg, d.code));
        return;
      }
      await readEvents(res, (name, data) => {
        if (name === "token") {
          if (!answerNode) answerNode = bubble("assistant", "", { reply: cid });
          streamed += data.text;
          answerText(answerNode, streamed);
          scroll();
        } else if (name === "answer") {
          if (data.user_message_id) drop(cid);
          adopt(mine, data.user_message_id);
          if (data.mode === "agent") { // a person holds the chat: no bot answer
            answerNode && !answerNode.dataset.id && answerNode.remove();
            return;
          }
          if (!answerNode) answerNode = bubble("assistant", data.answer, { reply: cid });
          answerText(answerNode, data.answer);
          const shown = data.message_id ? seen.get(Number(data.message_id)) : null;
          if (shown && shown !== answerNode) { answerNode.remove(); return; }
          decorate(answerNode, data);
          if (data.status) setStatus(data.status);
        } else if (name === "error") {
          drop(cid); // the server could not answer it: said once, not tried again and again
          answerNode && answerNode.classList.contains("thinking") && answerNode.remove();
          showError(t("broke"));
        }
      });
      // The stream ended without a word (a failure): no dots left behind.
      if (answerNode && answerNode.classList.contains("thinking") && !answerNode.dataset.id) answerNode.remove();
    } catch (err) {
      // Network trouble: keep the message and send it when the connection is back.
      // (Unless the server stored it already and only its answer was cut off.)
      answerNode && !answerNode.dataset.id && answerNode.remove();
      if (!mine.dataset.id) {
        mine.classList.add("failed"); mine.append(el("p", { class: "note" }, t("failed")));
      }
      setConn("offline");
      failed = true;
    }
    if (failed) retryLater();
    else if (conn.dataset.state === "offline") setConn("online"); // it got through after all
  }

  // The server's limit, in characters (kefu.dialogue.incoming.MAX_MESSAGE_CHARS). The text box
  // has no maxlength: that would cut a pasted message without a word and send the rest.
  const MAX_CHARS = 4000;
  const composerError = document.getElementById("composer-error");
  function composerSays(message) {
    composerError.textContent = message;
    composerError.hidden = !message;
    if (message) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
  }

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    const length = [...text].length; // characters, as the server counts them, not UTF-16 units
    if (length > MAX_CHARS) {
      // Kept in the box, whole, for the customer to shorten or split; nothing is sent.
      composerSays(`${t("refused")} ${t("tooLongBy").replace("{n}", lang === "zh" ? String(length) : length.toLocaleString("en"))}`);
      return;
    }
    composerSays("");
    input.value = "";
    queue(text);
  });

  /** Show ``text`` as the customer's and send it when the message before it is answered. */
  function queue(text) {
    const cid = newCid();
    bubble("user", text, { cid }); // shown at once, sent when the one before it is answered
    const m = { text, cid, at: Date.now() };
    keep(m); // kept across a reload until the server has stored it
    sending.push(m);
    pump();
  }
  input.addEventListener("input", () => {
    if (!composerError.hidden && [...input.value.trim()].length <= MAX_CHARS) composerSays("");
    if (session && input.value.trim() && ["waiting", "agent"].includes(statusBox.dataset.state)) pingTyping();
  });
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && !ev.shiftKey) { ev.preventDefault(); form.requestSubmit(); }
  });
  document.getElementById("human").addEventListener("click", async () => {
    try {
      await begin();
      const state = await api("POST", `/api/conversations/${session.id}/handoff`, { token: session.token });
      setStatus(state.status);
    } catch (err) { showError(describe(err)); }
  });
  // In the widget's frame, a close button beside the language switch (on a phone the chat
  // fills the screen and this is the way back to the page).
  const closeChat = document.getElementById("close-chat");
  closeChat.hidden = !embedded;
  closeChat.addEventListener("click", () => window.parent.postMessage({ kefu: "close" }, "*"));
  document.getElementById("lang").addEventListener("click", () => { lang = lang === "zh" ? "en" : "zh"; applyLanguage(); });
  document.getElementById("source-close").addEventListener("click", () => { document.getElementById("source").hidden = true; input.focus(); });
  // Esc closes the source panel; with none open, inside the widget's frame, the widget itself
  // (widget.js listens for this message from its own frame only).
  document.addEventListener("keydown", (ev) => {
    if (ev.key !== "Escape") return;
    const panel = document.getElementById("source");
    if (!panel.hidden) {
      panel.hidden = true;
      input.focus(); // as its close button does: not left on the page's body
    } else if (embedded) window.parent.postMessage({ kefu: "close" }, "*");
  });
  // The widget asks for the focus in the text box when it opens the chat. Only the page that
  // holds this frame can ask, from any origin (the shop's): all it can do is focus the box.
  window.addEventListener("message", (ev) => {
    if (embedded && ev.source === window.parent && ev.data && ev.data.kefu === "focus") input.focus();
  });
  // One rating per conversation (a second one replaces the first on the server): once given,
  // here or before a reload, the stars give way to a thank-you.
  const stars = document.getElementById("stars");
  function rated() { stars.replaceChildren(el("span", { class: "muted", "data-i18n": "thanks" }, t("thanks"))); }
  for (let i = 1; i <= 5; i++) {
    stars.append(el("button", {
      type: "button", class: "ghost star", "aria-label": `${i} / 5`,
      onclick: async () => {
        try {
          await api("POST", `/api/conversations/${session.id}/rating`, { token: session.token, body: { value: i } });
          rated();
        } catch (err) { showError(describe(err)); }
      },
    }, "★"));
  }
  window.addEventListener("online", flushOutbox);
  applyLanguage();
  const ready = resume();
})();

/* kefu pages: shared helpers. No framework, no CDN: this file is all there is.
 * Every piece of text from the server is inserted with textContent, never innerHTML. */
"use strict";

const kefu = (() => {
  /** Build an element: el("div", {class: "x", onclick: f}, "text", child). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else if (key === "class") node.className = value;
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  /** A customer's text for staff eyes, in an element of its own direction (dir=auto isolates
   * it: it cannot reorder the page around it), with explicit bidi embeddings, overrides and
   * isolates shown as [U+202E]: older messages may hold them (the server strips them now), and
   * they would show staff reversed text ("Where is my dnufer"). */
  const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;
  function said(tag, attrs, text) {
    const shown = String(text).replace(BIDI, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase()}]`);
    return el(tag, { ...attrs, dir: "auto" }, shown);
  }

  /** status: the HTTP status (0: no answer at all); code: the server's reason, where it
   * gives one ("empty", "too_long", "markup_only", "too_large"...), for pages to translate. */
  class ApiError extends Error {
    constructor(status, message, code) { super(message); this.status = status; this.code = code || null; }
  }

  /** fetch JSON with an optional bearer token; errors carry the server's message. */
  async function api(method, path, { token, body, raw, signal } = {}) {
    const headers = {};
    if (token) headers.Authorization = `Bearer ${token}`;
    let payload;
    if (raw !== undefined) payload = raw;
    else if (body !== undefined) { headers["Content-Type"] = "application/json"; payload = JSON.stringify(body); }
    let res;
    try {
      res = await fetch(path, { method, headers, body: payload, signal });
    } catch (err) {
      throw new ApiError(0, "network error: the server cannot be reached");
    }
    const text = await res.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch (_) { data = null; }
    if (!res.ok) {
      const msg = data && data.error ? (typeof data.error === "string" ? data.error : data.error.message) : res.statusText;
      throw new ApiError(res.status, msg || `HTTP ${res.status}`, data && typeof data.code === "string" ? data.code : null);
    }
    return data;
  }

  /** Read server-sent events from a fetch response body: onEvent(name, data); onChunk() on
   * every piece that arrives, keep-alive comments included. */
  async function readEvents(res, onEvent, onChunk) {
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      onChunk && onChunk();
      buffer += decoder.decode(value, { stream: true });
      let cut;
      while ((cut = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        let name = "message";
        const lines = [];
        for (const line of block.split("\n")) {
          if (line.startsWith("event:")) name = line.slice(6).trim();
          else if (line.startsWith("data:")) lines.push(line.slice(5).trimStart());
        }
        if (!lines.length) continue; // a keep-alive comment
        let data;
        try { data = JSON.parse(lines.join("\n")); } catch (_) { data = lines.join("\n"); }
        onEvent(name, data);
      }
    }
  }

  // The server sends a keep-alive comment every 15 s: a stream silent for this long is a
  // dead connection (a server that vanished without closing it), not a quiet one.
  const SILENT_MS = 40000;

  /** Open an SSE stream with a bearer token (EventSource cannot send headers). onOpen() runs
   * once the server has accepted it; the promise ends when the server ends the stream. */
  async function stream(path, token, onEvent, signal, onOpen) {
    const local = new AbortController();
    const abort = () => local.abort();
    if (signal) signal.addEventListener("abort", abort);
    let timer = null;
    const watch = () => { clearTimeout(timer); timer = setTimeout(abort, SILENT_MS); };
    try {
      watch();
      const res = await fetch(path, {
        headers: { Authorization: `Bearer ${token}`, Accept: "text/event-stream" },
        signal: local.signal,
      });
      if (!res.ok) {
        let msg = res.statusText;
        try { const d = await res.json(); msg = typeof d.error === "string" ? d.error : msg; } catch (_) { /* keep */ }
        throw new ApiError(res.status, msg);
      }
      onOpen && onOpen();
      await readEvents(res, onEvent, watch);
    } finally {
      clearTimeout(timer);
      if (signal) signal.removeEventListener("abort", abort);
    }
  }

  /** Keep a stream open: reconnect with growing delays; path() is re-evaluated each time.
   * onState("online") after every successful (re)connect, "offline" when a connection
   * attempt fails or a stream dies, "denied" (and no more tries) on 401/403/404. A stream
   * the server ends by itself (it is stopping, or this client fell behind) is reopened
   * after a short pause: to another server process if this one is going away. */
  function follow(path, token, onEvent, onState) {
    const controller = new AbortController();
    let delay = 500;
    (async () => {
      while (!controller.signal.aborted) {
        try {
          await stream(path(), token, onEvent, controller.signal, () => { delay = 500; onState && onState("online"); });
        } catch (err) {
          if (controller.signal.aborted) return;
          if (err.status === 401 || err.status === 403 || err.status === 404) { onState && onState("denied", err); return; }
          onState && onState("offline");
        }
        if (controller.signal.aborted) return;
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, 8000);
      }
    })();
    return controller;
  }

  function time(iso) {
    try { return new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }); }
    catch (_) { return ""; }
  }

  /** Staff sign-in shared by /agent and /admin; resolves with {token, name, role}. */
  function signIn(form, storageKey, onReady) {
    const saved = sessionStorage.getItem(storageKey);
    const error = form.querySelector(".error");
    const finish = (who) => { form.hidden = true; onReady(who); };
    if (saved) {
      api("GET", "/api/auth/me", { token: saved })
        .then((who) => finish({ ...who, token: saved }))
        .catch(() => { sessionStorage.removeItem(storageKey); form.hidden = false; });
    } else {
      form.hidden = false;
    }
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      error.textContent = "";
      const data = new FormData(form);
      try {
        const who = await api("POST", "/api/auth/login", {
          body: { name: String(data.get("name") || ""), password: String(data.get("password") || "") },
        });
        sessionStorage.setItem(storageKey, who.token);
        finish(who);
      } catch (err) {
        error.textContent = err.message;
      }
    });
  }

  /** Sign out: the server ends the session token (forgetting it here alone would leave a
   * copied token valid for 12 hours), then the page forgets it. A failed call (server down,
   * token already refused) still signs the page out. */
  async function signOut(storageKey, token) {
    if (token) {
      try { await api("POST", "/api/auth/logout", { token }); } catch (_) { /* signed out anyway */ }
    }
    sessionStorage.removeItem(storageKey);
    location.reload();
  }

  // "Someone is typing": the typing side pings at most every PING_MS while keys are pressed;
  // the other side shows the notice until SHOW_MS pass without a ping or a message arrives.
  const PING_MS = 3000;
  const SHOW_MS = 6000;

  function typingPinger(send) {
    let last = 0;
    return () => {
      const now = Date.now();
      if (now - last < PING_MS) return;
      last = now;
      send().catch(() => { /* a hint only: never bother the writer with its failure */ });
    };
  }

  function typingNotice(node) {
    let timer = null;
    const hide = () => { clearTimeout(timer); node.hidden = true; node.textContent = ""; };
    const show = (text) => {
      node.textContent = text;
      node.hidden = false;
      clearTimeout(timer);
      timer = setTimeout(hide, SHOW_MS);
    };
    return { show, hide };
  }

  return { el, said, api, stream, follow, readEvents, time, signIn, signOut, ApiError, typingPinger, typingNotice };
})();

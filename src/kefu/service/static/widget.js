/* kefu chat widget. Put this on any page, in <head> or <body>, with or without async:
 *   <script src="https://your-kefu-server/widget.js" async></script>
 * Optional attributes: data-kefu-title="Help", data-kefu-position="left", data-lang="zh".
 * It adds a button that opens the chat in a frame served by the kefu server, so the host
 * page's styles and scripts cannot touch the conversation (and vice versa). The button and
 * the frame sit in a shadow root with every style of theirs set inline from `all: initial`:
 * the host page's CSS, `!important` included, cannot restyle or hide them. Esc closes the
 * chat, also from inside the frame (which posts {kefu: "close"} to this page).
 * The frame is made on the first click, not before: a page view loads no chat, starts no
 * conversation and holds no connection to the kefu server until the visitor opens it (the
 * browser allows only 6 connections per server, shared by all of a visitor's tabs). One
 * exception: a visitor who left with messages still unsent (the chat tells this page how many
 * wait in its outbox) gets the frame, closed, on the next page view, so they go out then and
 * not only when the chat is opened again.
 * Its language (en, zh, or zh-Hant for zh-HK/-MO/-TW) is the tag's data-lang, else the host page's <html lang>, else the
 * browser's; the frame gets it as ?lang=. On a phone (a viewport at most 480 px wide) the open
 * chat fills the screen, the button gives way to the chat's own close button, and the host
 * page, which cannot scroll behind it meanwhile, is where it was when the chat closes. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.__kefuWidget) return;
  window.__kefuWidget = true;
  var origin = new URL(script.src, location.href).origin;
  var asked = script.getAttribute("data-lang") || document.documentElement.lang || navigator.language || "en";
  var lang = asked.toLowerCase().indexOf("zh") === 0 ? "zh" : "en";
  // Traditional characters for Hong Kong, Macau, Taiwan (the frame's words; the title here too).
  if (/^zh-(hk|mo|tw|hant)/i.test(asked)) lang = "zh-Hant";
  var title = script.getAttribute("data-kefu-title") || (lang === "zh" ? "在线客服" : lang === "zh-Hant" ? "在線客服" : "Chat · 客服");
  var side = script.getAttribute("data-kefu-position") === "left" ? "left" : "right";
  var FONT = "font:15px/1.2 system-ui,-apple-system,'Segoe UI','PingFang SC','Microsoft YaHei',sans-serif;";

  var host = document.createElement("kefu-widget");
  host.style.cssText = "all:initial;display:block;position:static";
  // Inline styles only (no <style> element): a host page's Content-Security-Policy may forbid
  // inline style sheets, never style set from a script.
  var root = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;

  var button = document.createElement("button");
  button.type = "button";
  button.textContent = title;
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", "kefu-widget-frame");
  var look = "all:initial;box-sizing:border-box;position:fixed;bottom:20px;" + side + ":20px;z-index:2147483000;" +
    "padding:12px 18px;border-radius:24px;border:none;background:#0b6bcb;color:#fff;" + FONT +
    "box-shadow:0 4px 14px rgba(0,0,0,.2);cursor:pointer;min-height:44px;max-width:calc(100vw - 40px);" +
    "white-space:nowrap;overflow:hidden;text-overflow:ellipsis;";
  button.style.cssText = look;
  // A visible focus ring (the page stylesheet's, which `all: initial` left behind).
  button.addEventListener("focus", function () { button.style.outline = "3px solid #f59e0b"; button.style.outlineOffset = "2px"; });
  button.addEventListener("blur", function () { button.style.outline = "none"; });
  // The button comes first in the shadow root and the frame after it: Tab from the button
  // goes into the chat, not back to the host page.
  root.appendChild(button);

  var frame = null; // made on the first open
  var loaded = false; // the frame's page has run (its script listens for {kefu: "focus"})
  var frameLook = "all:initial;box-sizing:border-box;position:fixed;bottom:80px;" + side + ":20px;z-index:2147483000;" +
    "width:min(380px,calc(100vw - 40px));height:min(600px,calc(100vh - 110px));border:1px solid #dfe3ea;" +
    "border-radius:14px;box-shadow:0 8px 30px rgba(0,0,0,.2);background:#fff;";
  // The whole screen, less the notch and the home bar (where the page allows that, with
  // viewport-fit=cover); 100dvh where known: the height left beside the browser's own bars.
  var fullLook = "all:initial;box-sizing:border-box;position:fixed;top:0;left:0;z-index:2147483000;" +
    "width:100vw;height:100vh;height:100dvh;border:none;background:#fff;" +
    "padding:env(safe-area-inset-top) env(safe-area-inset-right) env(safe-area-inset-bottom) env(safe-area-inset-left);";
  var phone = window.matchMedia ? window.matchMedia("(max-width: 480px)") : null;
  var held = null; // the host page's scroll position and overflow, while the chat covers it
  function isOpen() { return !!frame && frame.style.display !== "none"; }
  /** Focus the chat's text box: the frame is another origin, so it is asked to. */
  function focusChat() {
    frame.focus();
    frame.contentWindow.postMessage({ kefu: "focus" }, origin);
  }
  // `all: initial` also undoes the [hidden] attribute's display:none, so "display" it is.
  function makeFrame() {
    frame = document.createElement("iframe");
    frame.id = "kefu-widget-frame";
    frame.title = title;
    frame.style.cssText = frameLook + "display:none;";
    frame.addEventListener("load", function () { loaded = true; if (isOpen()) focusChat(); });
    frame.src = origin + "/?embed=1&lang=" + lang;
    root.appendChild(frame);
  }
  /** Stop the host page scrolling behind a full-screen chat; put it back as it was after. */
  function holdPage(hold) {
    var html = document.documentElement;
    if (hold && !held) {
      held = { x: window.scrollX, y: window.scrollY, overflow: html.style.overflow };
      html.style.overflow = "hidden";
    } else if (!hold && held) {
      html.style.overflow = held.overflow;
      window.scrollTo(held.x, held.y);
      held = null;
    }
  }
  function show(open) {
    if (open && !frame) makeFrame();
    var full = open && !!phone && phone.matches;
    if (frame) frame.style.cssText = (full ? fullLook : frameLook) + "display:" + (open ? "block" : "none") + ";";
    // Full screen, the button would sit on the chat's text box: the chat's close button serves.
    button.style.cssText = look + (full ? "display:none;" : "");
    holdPage(full);
    button.setAttribute("aria-expanded", String(open));
    if (open && loaded) focusChat();
  }
  function close() {
    if (!isOpen()) return;
    show(false);
    button.focus();
  }

  button.addEventListener("click", function () { show(!isOpen()); });
  // A phone turned on its side (or a window made wider) gets the box, and back.
  if (phone) {
    var resize = function () { if (isOpen()) show(true); };
    if (phone.addEventListener) phone.addEventListener("change", resize);
    else if (phone.addListener) phone.addListener(resize);
  }
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") close(); });
  // This page's storage (the frame's is the kefu server's): whether the chat's outbox still
  // held messages when the visitor left. Storage can be blocked; then the chat waits to be opened.
  var PENDING = "kefu-widget.pending";
  function remember(pending) {
    try {
      if (pending) localStorage.setItem(PENDING, "1");
      else localStorage.removeItem(PENDING);
    } catch (e) { /* no storage: nothing to remember */ }
  }
  function waiting() {
    try { return localStorage.getItem(PENDING) === "1"; } catch (e) { return false; }
  }
  window.addEventListener("message", function (ev) {
    if (!frame || ev.origin !== origin || ev.source !== frame.contentWindow || !ev.data) return;
    if (ev.data.kefu === "close") close();
    else if (ev.data.kefu === "outbox") remember(ev.data.pending > 0);
  });
  // In <head>, without async, this runs before <body> exists: add the button once it does.
  function mount() {
    (document.body || document.documentElement).appendChild(host);
    if (!frame && waiting()) makeFrame(); // closed: it only sends what waited
  }
  if (document.body || document.readyState !== "loading") mount();
  else document.addEventListener("DOMContentLoaded", mount);
})();

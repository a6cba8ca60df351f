/* kefu chat widget. Put this on any page:
 *   <script src="https://your-kefu-server/widget.js" async></script>
 * Optional attributes: data-kefu-title="Help", data-kefu-position="left".
 * It adds a button that opens the chat in a frame served by the kefu server, so the host
 * page's styles and scripts cannot touch the conversation (and vice versa). */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.__kefuWidget) return;
  window.__kefuWidget = true;
  var origin = new URL(script.src, location.href).origin;
  var title = script.getAttribute("data-kefu-title") || "Chat · 客服";
  var side = script.getAttribute("data-kefu-position") === "left" ? "left" : "right";

  var button = document.createElement("button");
  button.type = "button";
  button.textContent = title;
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", "kefu-widget-frame");
  button.style.cssText = "position:fixed;bottom:20px;" + side + ":20px;z-index:2147483000;padding:12px 18px;" +
    "border-radius:24px;border:none;background:#0b6bcb;color:#fff;font:15px system-ui,sans-serif;" +
    "box-shadow:0 4px 14px rgba(0,0,0,.2);cursor:pointer;min-height:44px";

  var frame = document.createElement("iframe");
  frame.id = "kefu-widget-frame";
  frame.title = title;
  frame.src = origin + "/?embed=1";
  frame.hidden = true;
  frame.style.cssText = "position:fixed;bottom:80px;" + side + ":20px;z-index:2147483000;" +
    "width:min(380px,calc(100vw - 40px));height:min(600px,calc(100vh - 110px));border:1px solid #dfe3ea;" +
    "border-radius:14px;box-shadow:0 8px 30px rgba(0,0,0,.2);background:#fff";

  button.addEventListener("click", function () {
    frame.hidden = !frame.hidden;
    button.setAttribute("aria-expanded", String(!frame.hidden));
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && !frame.hidden) { frame.hidden = true; button.setAttribute("aria-expanded", "false"); button.focus(); }
  });
  document.body.appendChild(frame);
  document.body.appendChild(button);
})();

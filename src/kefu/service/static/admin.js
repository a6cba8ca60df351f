/* The admin dashboard: figures and charts (drawn as SVG here, no chart library), knowledge
 * upload/list/delete, recent conversations and the audit log. */
"use strict";

(() => {
  const { el, said, api, signIn } = kefu;
  const KEY = "kefu.staff";
  const SVG = "http://www.w3.org/2000/svg";
  let me = null;
  // How many knowledge gaps to list; "Show more" raises it (the API allows up to 500).
  const GAPS_STEP = 20, GAPS_MAX = 500;
  let gapsLimit = 10;
  const $ = (id) => document.getElementById(id);
  const pct = (x) => (x === null || x === undefined ? "–" : `${Math.round(x * 100)}%`);
  const ms = (x) => (x === null || x === undefined ? "–" : `${Math.round(x)} ms`);

  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function barChart(points) {
    const width = 720, height = 180, pad = 22;
    const max = Math.max(1, ...points.map((p) => p.count));
    const chart = svg("svg", { class: "chart", viewBox: `0 0 ${width} ${height}`, role: "img",
      "aria-label": `Conversations per day, highest ${max}` });
    const step = (width - pad) / Math.max(1, points.length);
    const every = points.length <= 31 ? 5 : 15;
    points.forEach((p, i) => {
      const h = ((height - 2 * pad) * p.count) / max;
      const bar = svg("rect", { x: pad + i * step + 1, y: height - pad - h, width: Math.max(1, step - 2), height: h });
      bar.append(svg("title", {}, `${p.day}: ${p.count}`));
      chart.append(bar);
      // Labels counted back from the last day (today), so today always has one, under its bar.
      const back = points.length - 1 - i;
      if (back % every === 0) {
        const last = back === 0;
        chart.append(svg("text", { class: "day", x: last ? width : pad + (i + 0.5) * step, y: height - 6, "text-anchor": last ? "end" : "middle" }, p.day.slice(5)));
      }
    });
    chart.append(svg("text", { x: 0, y: pad }, String(max)));
    return chart;
  }

  /** At most 300 characters of a customer's text (a pasted log can be thousands). */
  const clip = (text) => (text.length > 300 ? text.slice(0, 299) + "…" : text);

  function card(label, value, hint) {
    return el("div", { class: "card" }, el("div", { class: "muted" }, label), el("div", { class: "value" }, value), hint ? el("div", { class: "muted" }, hint) : null);
  }

  async function load() {
    const days = $("days").value;
    try {
      const a = await analytics(days);
      $("cards").replaceChildren(
        card("Conversations", String(a.conversations)),
        // The two add up to 100%: every conversation was either handled by the bot alone or
        // handed to a person (whether one answered yet or not). Rounded each on its own, 3 of 8
        // would show as 38% + 63%: the second is what the first leaves.
        card("Handled by the bot alone", pct(a.resolution_rate), "never handed to a person"),
        card("Handed to a person", a.resolution_rate === null ? pct(a.handoff_rate) : `${100 - Math.round(a.resolution_rate * 100)}%`, `asked for one, or the bot could not help; ${a.answered_by_person} answered by a person`),
        card("Thumbs", `👍 ${a.thumbs_up} · 👎 ${a.thumbs_down}`),
        card("Rating", a.rating_avg === null ? "–" : a.rating_avg.toFixed(1) + " / 5"),
        card("Latency p50 / p95", `${ms(a.latency_ms_p50)} / ${ms(a.latency_ms_p95)}`),
      );
      $("per-day").replaceChildren(barChart(a.per_day));
      showGaps(a);
    } catch (err) { if (err.status === 401) signOut(); }
    loadKnowledge();
    loadConversations();
    loadAudit();
  }

  function analytics(days) {
    return api("GET", `/api/admin/analytics?days=${days}&unanswered_limit=${gapsLimit}`, { token: me.token });
  }

  function showGaps(a) {
    $("gaps").replaceChildren(...(a.unanswered.length ? a.unanswered.map((g) => el("tr", {}, said("td", {}, clip(g.question)), el("td", { class: "num" }, String(g.count))))
      : [el("tr", {}, el("td", { colspan: 2, class: "muted" }, "None: every question got an answer."))]));
    const total = a.unanswered_total ?? a.unanswered.length;
    $("gaps-shown").textContent = total > a.unanswered.length ? `Showing ${a.unanswered.length} of ${total}.` : "";
    $("gaps-more").hidden = !(total > a.unanswered.length && gapsLimit < GAPS_MAX);
  }

  async function moreGaps() {
    gapsLimit = Math.min(GAPS_MAX, gapsLimit + GAPS_STEP);
    try {
      showGaps(await analytics($("days").value));
    } catch (err) { if (err.status === 401) signOut(); }
  }

  async function loadKnowledge() {
    const rows = await api("GET", "/api/admin/knowledge", { token: me.token });
    $("knowledge").replaceChildren(...(rows.length ? rows.map((s) => el("tr", {},
      el("td", {}, s.name), el("td", {}, s.kind), el("td", {}, String(s.entries)), el("td", {}, new Date(s.updated_at).toLocaleString()),
      el("td", {}, el("button", { type: "button", class: "ghost", "aria-label": `Delete ${s.name}`, onclick: () => remove(s) }, "Delete"))))
      : [el("tr", {}, el("td", { colspan: 5, class: "muted" }, "No files yet (a demo pack may be answering)."))]));
  }

  async function remove(source) {
    if (!confirm(`Delete ${source.name} from the knowledge base?`)) return;
    try {
      // By id: two files may share a name (added from different folders), and a name that
      // is not unique deletes nothing.
      const r = await api("DELETE", `/api/admin/knowledge/${encodeURIComponent(source.id)}`, { token: me.token });
      const n = r.removed.length;
      $("upload-result").textContent = `Deleted ${source.name} (${n} ${n === 1 ? "entry" : "entries"}).`;
      loadKnowledge();
      loadAudit();
    } catch (err) { $("upload-result").textContent = err.message; }
  }

  async function loadConversations() {
    const rows = await api("GET", "/api/admin/conversations?limit=20", { token: me.token });
    $("conversations").replaceChildren(...rows.map((c) => el("tr", {},
      el("td", {}, c.id.slice(0, 8)), el("td", {}, c.status), el("td", {}, c.language || ""),
      el("td", {}, String(c.message_count)), el("td", {}, c.handoff_reason || ""), el("td", {}, c.rating ? String(c.rating) : ""))));
  }

  async function loadAudit() {
    try {
      const log = await api("GET", "/api/admin/audit?limit=20", { token: me.token });
      $("audit-state").textContent = log.intact ? "chain intact" : "TAMPERED";
      $("audit-state").className = log.intact ? "badge" : "badge emergency";
      $("audit").replaceChildren(...log.entries.map((e) => el("tr", {},
        el("td", {}, new Date(e.at).toLocaleString()), said("td", {}, `${e.actor} (${e.role})`), el("td", {}, e.action), said("td", {}, e.target || ""))));
    } catch (err) { $("audit-state").textContent = err.message; }
  }

  function signOut() { kefu.signOut(KEY, me && me.token); }

  $("upload").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const file = $("file").files[0];
    if (!file) return;
    $("upload-result").textContent = `Uploading ${file.name}…`;
    try {
      const r = await api("POST", `/api/admin/knowledge?filename=${encodeURIComponent(file.name)}`, { token: me.token, raw: file });
      let said = r.added.length ? `Added ${r.entries} entries from ${file.name}.` : `${file.name} is unchanged: nothing was added.`;
      // Planted instructions are stored but never shown to customers: the admin should know.
      if (r.replaced && r.replaced.length) said = `Replaced the earlier version of ${file.name}: ${r.entries} entries.`;
      if (r.also_named) said += ` ${r.also_named === 1 ? "Another file" : `${r.also_named} other files`} named ${file.name} ${r.also_named === 1 ? "is" : "are"} loaded too: delete the one you no longer want.`;
      if (r.withheld_lines) said += ` ${r.withheld_lines === 1 ? "1 line" : `${r.withheld_lines} lines`} held back as instructions to the assistant.`;
      $("upload-result").textContent = said;
      $("file").value = "";
      loadKnowledge();
      loadAudit();
    } catch (err) { $("upload-result").textContent = err.message; }
  });
  $("days").addEventListener("change", () => me && load());
  $("gaps-more").addEventListener("click", moreGaps);
  $("signout").addEventListener("click", signOut);

  signIn($("signin"), KEY, (who) => {
    if (who.role !== "admin") { $("who").textContent = `${who.name} is not an admin`; return; }
    me = who;
    $("who").textContent = `${who.name} (admin)`;
    $("signout").hidden = false;
    $("dashboard").hidden = false;
    load();
  });
})();

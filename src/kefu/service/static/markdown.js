/* kefu pages: answers' Markdown, the safe part of it, as DOM nodes.
 *
 * Knowledge-base answers often carry Markdown (**bold**, lists, [links](https://...)). This
 * turns such text into elements built with document.createElement, their words added as
 * text nodes: nothing from the text ever becomes HTML, whatever it holds ("<img onerror>"
 * stays those characters). Rendered: paragraphs (a blank line), line breaks, bullet lists
 * ("- ", "* ", "• "), numbered lists ("1. ", "1) ", "1、"), **bold**, *em* and _em_ (not
 * inside words: snake_case, 2*3*4), `code`, headings "#".."######" (as bold lines), links
 * [text](url) and bare http(s) URLs. Only http:, https: and mailto: links become <a>; any
 * other scheme (javascript:, data:, ...) is left as the text it was. Whatever is not
 * understood shows as written. Each step is linear in the text's length (the searches for a
 * closing mark are remembered), so re-rendering a growing answer on every token stays cheap.
 */
"use strict";

const kefuMarkdown = (() => {
  const SCHEMES = new Set(["http:", "https:", "mailto:"]);
  const REL = "noopener noreferrer nofollow";
  const MAX_URL = 2048;
  const MAX_TITLE = 200;
  const MAX_DEPTH = 4; // bold in a link in italics in ...: deeper marks stay text
  const MAX_LISTS = 6; // lists in lists: deeper items join the deepest list
  const ESCAPABLE = new Set("\\`*_[]()#+-.!<>{}|~");
  // The next character that may start a mark; "http(s)://" where links are allowed.
  const SPECIAL = /[\\`*_[]|\bhttps?:\/\//gi;
  const SPECIAL_NO_LINKS = /[\\`*_[]/g;
  const BARE_URL = /https?:\/\/[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]+/iy;
  const TRAILING = new Set(".,;:!?'\"*_");
  const URL_STOP = new Set("[]<>");

  const BULLET = /^([ \t]*)(?:[-*][ \t]+|•[ \t]*)(\S.*)$/;
  const NUMBER = /^([ \t]*)(\d{1,3})(?:[.)][ \t]+|、[ \t]*)(\S.*)$/;
  const HEADING = /^ {0,3}#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?$/;
  const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}$/;

  const isSpace = (c) => c === undefined || /\s/.test(c);
  // A letter or digit of a word written with spaces: marks inside one (snake_case, 2*3*4)
  // are not emphasis. Chinese has no spaces between words, so its characters do not count.
  const isWord = (c) => c !== undefined && /[A-Za-z0-9_\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/.test(c);

  /** find(from) -> index or -1, remembered: asked with a growing `from`, it scans each
   * stretch of the text once (the answer stays right until `from` passes it). */
  function remembered(find) {
    let asked = Infinity;
    let at = -1;
    return (from) => {
      if (from >= asked && (at === -1 || at >= from)) return at;
      asked = from;
      at = find(from);
      return at;
    };
  }

  /** The length of the run of `c` starting at `i`. */
  function run(s, i, c) {
    let j = i;
    while (s[j] === c) j++;
    return j - i;
  }

  /** The address a link may have, or null: http(s) and mailto only, whatever the case. */
  function safeHref(url) {
    if (!/^(?:https?:\/\/[^/]|mailto:[^\s])/i.test(url)) return null;
    let parsed;
    try { parsed = new URL(url); } catch (_) { return null; }
    return SCHEMES.has(parsed.protocol) ? parsed.href : null;
  }

  /** An <a> to `href` (checked by safeHref); its label's marks are rendered unless `plain`. */
  function link(href, label, depth, plain) {
    const a = document.createElement("a");
    a.setAttribute("href", href);
    a.setAttribute("rel", REL);
    a.setAttribute("target", "_blank");
    if (plain) a.textContent = label;
    else inline(a, label, depth + 1, true);
    return a;
  }

  /** Append the inline content of `s` (one line) to `parent`. */
  function inline(parent, s, depth = 0, noLinks = false) {
    const n = s.length;
    const special = noLinks ? SPECIAL_NO_LINKS : SPECIAL;
    const seekers = new Map();
    const seeker = (key, find) => {
      if (!seekers.has(key)) seekers.set(key, remembered(find));
      return seekers.get(key);
    };
    let text = "";
    const flush = () => { if (text) { parent.append(text); text = ""; } };
    const put = (node) => { flush(); parent.append(node); };
    let i = 0;
    while (i < n) {
      special.lastIndex = i;
      const m = special.exec(s);
      if (!m) { text += s.slice(i); break; }
      text += s.slice(i, m.index);
      i = m.index;
      const c = s[i];

      if (c === "\\") {
        if (ESCAPABLE.has(s[i + 1])) { text += s[i + 1]; i += 2; } else { text += c; i += 1; }
        continue;
      }

      if (c === "`") { // `code`: the same number of backticks closes it; nothing inside is a mark
        const k = run(s, i, "`");
        const close = seeker(`code${k}`, (from) => {
          for (let j = s.indexOf("`", from); j >= 0; j = s.indexOf("`", j)) {
            const r = run(s, j, "`");
            if (r === k) return j;
            j += r;
          }
          return -1;
        })(i + k);
        if (close < 0) { text += s.slice(i, i + k); i += k; continue; }
        let code = s.slice(i + k, close);
        if (code.length > 2 && code[0] === " " && code[code.length - 1] === " ") code = code.slice(1, -1);
        const node = document.createElement("code");
        node.textContent = code;
        put(node);
        i = close + k;
        continue;
      }

      if (c === "*" || c === "_") {
        const k = run(s, i, c);
        const opens = depth < MAX_DEPTH && (k === 1 || (k === 2 && c === "*")) &&
          !isWord(s[i - 1]) && !isSpace(s[i + k]);
        const close = opens ? seeker(`${c}${k}`, (from) => {
          for (let j = s.indexOf(c, from); j >= 0; j = s.indexOf(c, j)) {
            const r = run(s, j, c);
            if (r === k && !isSpace(s[j - 1]) && !isWord(s[j + r])) return j;
            j += r;
          }
          return -1;
        })(i + k) : -1;
        if (close < 0) { text += s.slice(i, i + k); i += k; continue; }
        const node = document.createElement(k === 2 ? "strong" : "em");
        inline(node, s.slice(i + k, close), depth + 1, noLinks);
        put(node);
        i = close + k;
        continue;
      }

      if (c === "[") { // [label](url): a label holds no brackets; the url no spaces
        const end = seeker("]", (from) => s.indexOf("]", from))(i + 1);
        const inner = seeker("[", (from) => s.indexOf("[", from))(i + 1);
        let done = false;
        if (end > 0 && (inner < 0 || inner > end) && s[end + 1] === "(" && depth < MAX_DEPTH) {
          let p = end + 2;
          while (s[p] === " " || s[p] === "\t") p++;
          const start = p;
          let open = 0;
          while (p < n && p - start <= MAX_URL && !isSpace(s[p]) && !URL_STOP.has(s[p])) {
            if (s[p] === "(") open++;
            else if (s[p] === ")") { if (!open) break; open--; }
            p++;
          }
          const url = s.slice(start, p);
          while (s[p] === " " || s[p] === "\t") p++;
          if (s[p] === '"' && p > start + url.length) { // [x](url "a title"): the title is left out
            const quote = p;
            for (p++; p < n && p - quote <= MAX_TITLE && s[p] !== '"'; p++);
            p++;
            while (s[p] === " " || s[p] === "\t") p++;
          }
          const href = s[p] === ")" ? safeHref(url) : null;
          if (href) {
            const label = s.slice(i + 1, end);
            put(link(href, label.trim() ? label : url, depth));
            i = p + 1;
            done = true;
          }
        }
        if (!done) { text += c; i += 1; }
        continue;
      }

      // a bare http(s) URL, without the punctuation that ends its sentence
      BARE_URL.lastIndex = i;
      const u = BARE_URL.exec(s);
      let url = u ? u[0] : "";
      let opened = 0;
      let closed = 0;
      for (const ch of url) { if (ch === "(") opened++; else if (ch === ")") closed++; }
      let cut = url.length;
      for (;;) {
        const last = url[cut - 1];
        if (TRAILING.has(last)) cut--;
        else if (last === ")" && closed > opened) { cut--; closed--; }
        else break;
      }
      url = url.slice(0, cut);
      const href = /^https?:\/\/./i.test(url) ? safeHref(url) : null;
      if (!href) { text += m[0]; i += m[0].length; continue; }
      put(link(href, url, depth, true));
      i += url.length;
    }
    flush();
  }

  /** The text as a DocumentFragment of paragraphs, lists and bold lines. */
  function render(source) {
    const root = document.createDocumentFragment();
    const lines = String(source ?? "").replace(/\r\n?/g, "\n").split("\n");
    let para = null; // the paragraph lines are being added to
    let lists = []; // open lists, outermost first: {indent, tag, node, item}
    let blank = false; // a blank line came since the last line
    const width = (lead) => lead.replace(/\t/g, "    ").length;
    const block = (tag, cls) => {
      const node = document.createElement(tag);
      if (cls) node.className = cls;
      root.append(node);
      return node;
    };

    function item(indent, tag, number, content) {
      while (lists.length && lists[lists.length - 1].indent > indent + 1) lists.pop();
      let top = lists[lists.length - 1];
      if (top && top.indent >= indent - 1 && top.tag !== tag) { lists.pop(); top = lists[lists.length - 1]; }
      if (!top || (indent >= top.indent + 2 && lists.length < MAX_LISTS)) {
        const node = document.createElement(tag);
        if (tag === "ol" && number !== 1) node.setAttribute("start", String(number));
        (top ? top.item : root).append(node);
        top = { indent, tag, node, item: null };
        lists.push(top);
      }
      const li = document.createElement("li");
      inline(li, content);
      top.node.append(li);
      top.item = li;
    }

    for (const raw of lines) {
      const line = raw.trimEnd();
      if (!line) { para = null; blank = true; continue; }
      if (RULE.test(line)) { para = null; lists = []; blank = false; block("hr"); continue; }
      const bullet = BULLET.exec(line);
      const number = bullet ? null : NUMBER.exec(line);
      const lead = width(/^[ \t]*/.exec(line)[0]);
      // A list continues across blank lines; a numbered one interrupts a paragraph only
      // when it starts at 1 (a wrapped line may well begin "2019. ").
      if (bullet || (number && (!para || Number(number[2]) === 1))) {
        para = null;
        blank = false;
        if (bullet) item(width(bullet[1]), "ul", 0, bullet[2]);
        else item(width(number[1]), "ol", Number(number[2]), number[3]);
        continue;
      }
      const top = lists[lists.length - 1];
      if (top && top.item && lead >= 2 && (!blank || lead >= top.indent + 2)) {
        top.item.append(document.createElement("br")); // more of the item
        inline(top.item, line.trim());
        blank = false;
        continue;
      }
      lists = [];
      blank = false;
      const heading = HEADING.exec(line);
      if (heading) { // a bold line, not a page's headline
        para = null;
        const strong = document.createElement("strong");
        inline(strong, heading[1], 1);
        block("p", "md-heading").append(strong);
        continue;
      }
      if (para) para.append(document.createElement("br"));
      else para = block("p");
      inline(para, line.replace(/^[ \t]+/, ""));
    }
    return root;
  }

  /** Show `text` in `node`, replacing what it held. */
  function show(node, text) {
    node.replaceChildren(render(text));
  }

  return { render, show, safeHref };
})();

// dyad dashboard: plain JavaScript, no build step, no network beyond this server.
// Every piece of article or record text goes into the page as a text node (textContent), never as HTML.
"use strict";

(function () {
  const SVG_NS = "http://www.w3.org/2000/svg";
  const PAGE = 50;

  // ---- small helpers --------------------------------------------------------------------------------

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "text") node.textContent = String(value);
      else if (key === "onclick") node.addEventListener("click", value);
      else node.setAttribute(key, String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.appendChild(typeof child === "string" || typeof child === "number"
        ? document.createTextNode(String(child)) : child);
    }
    return node;
  }

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined) continue;
      node.setAttribute(key, String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  function tooltip(text) {
    const title = document.createElementNS(SVG_NS, "title");
    title.textContent = text;
    return title;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function query(params) {
    const out = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      if (value !== null && value !== undefined && String(value).trim() !== "") out.set(key, String(value).trim());
    }
    return out.toString();
  }

  function formValues(form) {
    const values = {};
    for (const [key, value] of new FormData(form).entries()) values[key] = String(value);
    return values;
  }

  function fillForm(form, values) {
    for (const element of form.elements) {
      if (element.name && Object.prototype.hasOwnProperty.call(values, element.name)) {
        element.value = values[element.name];
      }
    }
  }

  function showError(message) {
    const box = document.getElementById("error");
    if (message) {
      box.textContent = message;
      box.hidden = false;
    } else {
      box.textContent = "";
      box.hidden = true;
    }
  }

  async function api(path) {
    const response = await fetch(path, { headers: { Accept: "application/json" } });
    let body = null;
    try {
      body = await response.json();
    } catch (_) {
      body = null;
    }
    if (!response.ok || !body || body.ok !== true) {
      const message = body && body.error ? body.error : `${response.status} ${response.statusText}`;
      throw new Error(message);
    }
    return body;
  }

  function actorText(slot) {
    if (!slot) return "–";
    const code = slot.actor || slot.country || "?";
    return `${slot.name} (${code})`;
  }

  function quadBadge(quad) {
    return el("span", { class: `quad quad-${quad}`, title: QUAD_NAMES[quad] || "", text: quad ?? "–" });
  }

  const QUAD_NAMES = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
    4: "material conflict" };

  function articleLink(articleId, sentenceIndex, label) {
    const suffix = sentenceIndex === null || sentenceIndex === undefined ? "" : `?s=${sentenceIndex}`;
    return el("a", { href: `#/article/${encodeURIComponent(articleId)}${suffix}`, text: label });
  }

  // ---- routing --------------------------------------------------------------------------------------

  function parseHash() {
    const raw = location.hash.replace(/^#\/?/, "");
    const [path, search] = raw.split("?");
    const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
    const params = Object.fromEntries(new URLSearchParams(search || ""));
    return { view: parts[0] || "events", rest: parts.slice(1), params };
  }

  function setHash(view, params, rest) {
    const path = [view, ...(rest || []).map(encodeURIComponent)].join("/");
    const search = query(params || {});
    const hash = `#/${path}${search ? "?" + search : ""}`;
    if (location.hash === hash) route();
    else location.hash = hash;
  }

  const views = { events: showEvents, quotes: showQuotes, dyad: showDyad, network: showNetwork,
    article: showArticle };

  function route() {
    const { view, rest, params } = parseHash();
    const name = views[view] ? view : "events";
    for (const section of document.querySelectorAll(".view")) section.hidden = section.id !== `view-${name}`;
    for (const link of document.querySelectorAll("nav a")) {
      link.classList.toggle("active", link.dataset.view === name);
    }
    showError("");
    views[name](params, rest).catch((error) => showError(error.message));
  }

  // ---- events ---------------------------------------------------------------------------------------

  const EVENT_FILTERS = ["q", "actor", "pair", "cameo", "quad_class", "factuality", "since", "until"];

  async function showEvents(params) {
    const form = document.getElementById("events-form");
    const filters = {};
    for (const key of EVENT_FILTERS) filters[key] = params[key] || "";
    fillForm(form, filters);
    const offset = Math.max(0, parseInt(params.offset || "0", 10) || 0);
    const qs = query({ ...filters, limit: PAGE, offset });
    document.getElementById("events-csv").setAttribute("href", `/api/events.csv?${query(filters)}`);
    const data = await api(`/api/events?${qs}`);
    const body = document.querySelector("#events-table tbody");
    clear(body);
    for (const event of data.rows) {
      const code = el("span", {}, el("span", { class: "code", text: event.cameo }), " ", event.plover || "");
      body.appendChild(el("tr", { "data-article": event.article_id },
        el("td", { class: "code", text: event.date || "–" }),
        el("td", { text: actorText(event.source) }),
        el("td", { title: event.trigger }, code),
        el("td", { text: actorText(event.target) }),
        el("td", {}, quadBadge(event.quad_class)),
        el("td", { text: event.goldstein }),
        el("td", { text: event.factuality }),
        el("td", { class: "sentence" }, event.sentence, " ",
          articleLink(event.article_id, event.sentence_index, "→ article"))));
    }
    const shown = data.rows.length ? `${offset + 1}–${offset + data.rows.length} of ${data.total}` : "0";
    document.getElementById("events-count").textContent = `${shown} events`;
    pager("events", filters, offset, data);
  }

  function pager(view, filters, offset, data, idPrefix) {
    const prev = document.getElementById(`${idPrefix || view}-prev`);
    const next = document.getElementById(`${idPrefix || view}-next`);
    prev.disabled = offset <= 0;
    next.disabled = data.next === null || data.next === undefined;
    prev.onclick = () => setHash(view, { ...filters, offset: Math.max(0, offset - PAGE) || "" });
    next.onclick = () => setHash(view, { ...filters, offset: data.next });
  }

  // ---- quotes ---------------------------------------------------------------------------------------

  const QUOTE_FILTERS = ["speaker", "q", "kind", "since", "until"];

  async function showQuotes(params) {
    const form = document.getElementById("quotes-form");
    const filters = {};
    for (const key of QUOTE_FILTERS) filters[key] = params[key] || "";
    fillForm(form, filters);
    const offset = Math.max(0, parseInt(params.offset || "0", 10) || 0);
    const data = await api(`/api/quotes?${query({ ...filters, limit: PAGE, offset })}`);
    const body = document.querySelector("#quotes-table tbody");
    clear(body);
    for (const quote of data.rows) {
      body.appendChild(el("tr", {},
        el("td", { class: "code", text: quote.date || "–" }),
        el("td", { text: actorText(quote.speaker) }),
        el("td", { text: quote.kind }),
        el("td", { text: quote.cue || "–" }),
        el("td", { class: "sentence" }, quote.text, " ",
          articleLink(quote.article_id, quote.sentence_index, "→ article"))));
    }
    const shown = data.rows.length ? `${offset + 1}–${offset + data.rows.length} of ${data.total}` : "0";
    document.getElementById("quotes-count").textContent = `${shown} quotes`;
    pager("quotes", filters, offset, data);
  }

  // ---- dyad chart -----------------------------------------------------------------------------------

  async function showDyad(params) {
    const form = document.getElementById("dyad-form");
    const values = { a: params.a || form.elements.a.value || "USA", b: params.b || form.elements.b.value || "RUS",
      bucket: params.bucket || "month", factuality: params.factuality || "actual",
      since: params.since || "", until: params.until || "" };
    fillForm(form, values);
    const path = `/api/dyads/${encodeURIComponent(values.a)}/${encodeURIComponent(values.b)}/series?` +
      query({ bucket: values.bucket, factuality: values.factuality, since: values.since, until: values.until });
    const data = await api(path);
    const t = data.totals;
    const excluded = data.excluded;
    const notes = [];
    if (excluded.coarser_than_bucket) {
      notes.push(`${excluded.coarser_than_bucket} dated less precisely than a ${data.bucket} left out`);
    }
    if (excluded.undated) notes.push(`${excluded.undated} without a date left out`);
    document.getElementById("dyad-summary").textContent =
      `${data.a} – ${data.b}: ${t.events} events (${t.cooperation} cooperation, ${t.conflict} conflict), ` +
      `summed Goldstein ${t.goldstein}` + (notes.length ? `; ${notes.join("; ")}` : "") + ".";
    drawSeries(document.getElementById("dyad-chart"), data);
  }

  function drawSeries(chart, data) {
    clear(chart);
    const points = data.points;
    const margin = { top: 20, right: 56, bottom: 46, left: 46 };
    const slot = Math.max(6, Math.min(48, Math.floor(900 / Math.max(points.length, 1))));
    const width = margin.left + margin.right + slot * Math.max(points.length, 1);
    const height = 340;
    chart.setAttribute("width", width);
    chart.setAttribute("height", height);
    chart.setAttribute("viewBox", `0 0 ${width} ${height}`);
    if (!points.length) {
      chart.appendChild(svg("text", { x: margin.left, y: height / 2, class: "empty" }, "No dated events for this pair."));
      return;
    }
    const plotH = height - margin.top - margin.bottom;
    const maxUp = Math.max(1, ...points.map((p) => p.quad["1"] + p.quad["2"]));
    const maxDown = Math.max(1, ...points.map((p) => p.quad["3"] + p.quad["4"]));
    const unit = plotH / (maxUp + maxDown);
    const zero = margin.top + maxUp * unit;
    const axis = svg("g", { class: "axis" });
    axis.appendChild(svg("line", { class: "zero", x1: margin.left, x2: width - margin.right, y1: zero, y2: zero }));
    axis.appendChild(svg("line", { x1: margin.left, x2: margin.left, y1: margin.top, y2: height - margin.bottom }));
    axis.appendChild(svg("text", { x: margin.left - 6, y: margin.top + 4, "text-anchor": "end" }, String(maxUp)));
    axis.appendChild(svg("text", { x: margin.left - 6, y: zero + 4, "text-anchor": "end" }, "0"));
    axis.appendChild(svg("text", { x: margin.left - 6, y: height - margin.bottom, "text-anchor": "end" },
      String(maxDown)));
    axis.appendChild(svg("text", { x: 4, y: margin.top - 6 }, "cooperation ↑"));
    axis.appendChild(svg("text", { x: 4, y: height - margin.bottom + 14 }, "conflict ↓"));
    chart.appendChild(axis);

    const bars = svg("g", { class: "bars" });
    const labelEvery = Math.ceil(points.length / Math.max(1, Math.floor((width - margin.left - margin.right) / 60)));
    points.forEach((point, i) => {
      const x = margin.left + i * slot + 1;
      const w = Math.max(2, slot - 2);
      let up = zero;
      for (const quad of ["1", "2"]) {
        const n = point.quad[quad];
        if (!n) continue;
        up -= n * unit;
        bars.appendChild(svg("rect", { class: `bar q${quad}`, x, y: up, width: w, height: n * unit,
          "data-bucket": point.bucket, "data-quad": quad, "data-count": n },
        tooltip(`${point.bucket}: ${n} ${QUAD_NAMES[quad]}`)));
      }
      let down = zero;
      for (const quad of ["3", "4"]) {
        const n = point.quad[quad];
        if (!n) continue;
        bars.appendChild(svg("rect", { class: `bar q${quad}`, x, y: down, width: w, height: n * unit,
          "data-bucket": point.bucket, "data-quad": quad, "data-count": n },
        tooltip(`${point.bucket}: ${n} ${QUAD_NAMES[quad]}`)));
        down += n * unit;
      }
      if (i % labelEvery === 0) {
        bars.appendChild(svg("text", { x: x + w / 2, y: height - margin.bottom + 28, "text-anchor": "middle" },
          point.bucket));
      }
    });
    chart.appendChild(bars);

    // Summed Goldstein per bucket on its own scale (right axis).
    const maxAbs = Math.max(1, ...points.map((p) => Math.abs(p.goldstein)));
    const gy = (value) => margin.top + plotH / 2 - (value / maxAbs) * (plotH / 2);
    const line = points.map((p, i) => `${i ? "L" : "M"}${margin.left + i * slot + slot / 2},${gy(p.goldstein)}`);
    const gold = svg("g", { class: "goldstein-layer" });
    gold.appendChild(svg("path", { class: "goldstein", d: line.join(" ") }));
    points.forEach((p, i) => {
      if (!p.events) return;
      gold.appendChild(svg("circle", { class: "goldstein-dot", cx: margin.left + i * slot + slot / 2, cy: gy(p.goldstein),
        r: 2.5 }, tooltip(`${p.bucket}: summed Goldstein ${p.goldstein} over ${p.events} events`)));
    });
    const right = width - margin.right + 6;
    gold.appendChild(svg("text", { x: right, y: margin.top + 4 }, `+${maxAbs.toFixed(1)}`));
    gold.appendChild(svg("text", { x: right, y: margin.top + plotH / 2 + 4 }, "0 G"));
    gold.appendChild(svg("text", { x: right, y: margin.top + plotH + 4 }, `−${maxAbs.toFixed(1)}`));
    chart.appendChild(gold);
  }

  // ---- network --------------------------------------------------------------------------------------

  async function showNetwork(params) {
    const form = document.getElementById("network-form");
    const values = { since: params.since || "", until: params.until || "", by: params.by || "country",
      factuality: params.factuality || "actual", min_events: params.min_events || "1" };
    fillForm(form, values);
    const data = await api(`/api/network?${query(values)}`);
    const loops = data.edges.filter((e) => e.source === e.target).reduce((n, e) => n + e.events, 0);
    document.getElementById("network-summary").textContent =
      `${data.nodes.length} ${values.by === "actor" ? "actors" : "countries"}, ${data.edges.length} edges` +
      (loops ? ` (${loops} events of an actor on itself, not drawn)` : "") + ".";
    drawNetwork(document.getElementById("network-chart"), data);
  }

  function goldsteinColour(mean) {
    // -10 (red) .. 0 (grey) .. +10 (green)
    const t = Math.max(-1, Math.min(1, (mean || 0) / 6));
    const grey = [150, 156, 162];
    const target = t < 0 ? [200, 50, 47] : [47, 138, 58];
    const mix = grey.map((g, i) => Math.round(g + (target[i] - g) * Math.abs(t)));
    return `rgb(${mix[0]},${mix[1]},${mix[2]})`;
  }

  function drawNetwork(chart, data) {
    clear(chart);
    const size = 620;
    chart.setAttribute("width", size);
    chart.setAttribute("height", size);
    chart.setAttribute("viewBox", `0 0 ${size} ${size}`);
    const nodes = data.nodes;
    if (!nodes.length) {
      chart.appendChild(svg("text", { x: 20, y: 40 }, "No events with both actors known in this period."));
      return;
    }
    const defs = svg("defs");
    defs.appendChild(svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 9,
      markerUnits: "userSpaceOnUse",
      markerHeight: 9, orient: "auto-start-reverse" }, svg("path", { d: "M0,0 L10,5 L0,10 z", fill: "#6c757d" })));
    chart.appendChild(defs);
    const cx = size / 2;
    const cy = size / 2;
    const radius = size / 2 - 60;
    const maxEvents = Math.max(1, ...nodes.map((n) => n.events));
    const position = new Map();
    nodes.forEach((node, i) => {
      const angle = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
      const r = nodes.length === 1 ? 0 : radius;
      position.set(node.id, { x: cx + r * Math.cos(angle), y: cy + r * Math.sin(angle),
        size: 8 + 16 * Math.sqrt(node.events / maxEvents) });
    });
    const maxEdge = Math.max(1, ...data.edges.map((e) => e.events));
    const edgeLayer = svg("g", { class: "edges" });
    for (const edge of data.edges) {
      if (edge.source === edge.target) continue;
      const a = position.get(edge.source);
      const b = position.get(edge.target);
      if (!a || !b) continue;
      // A slight curve keeps A->B and B->A apart.
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const length = Math.hypot(dx, dy) || 1;
      const sx = a.x + (dx / length) * a.size;
      const sy = a.y + (dy / length) * a.size;
      const tx = b.x - (dx / length) * (b.size + 2);
      const ty = b.y - (dy / length) * (b.size + 2);
      const mx = (sx + tx) / 2 - (dy / length) * 18;
      const my = (sy + ty) / 2 + (dx / length) * 18;
      const path = svg("path", { class: "edge", d: `M${sx},${sy} Q${mx},${my} ${tx},${ty}`,
        stroke: goldsteinColour(edge.goldstein_mean), "stroke-width": 1 + 5 * Math.sqrt(edge.events / maxEdge),
        "marker-end": "url(#arrow)", "data-source": edge.source, "data-target": edge.target,
        "data-events": edge.events },
      tooltip(`${edge.source} → ${edge.target}: ${edge.events} events, mean Goldstein ${edge.goldstein_mean}`));
      path.addEventListener("click", () => setHash("dyad", { a: edge.source, b: edge.target,
        since: data.since || "", until: data.until || "" }));
      edgeLayer.appendChild(path);
    }
    chart.appendChild(edgeLayer);
    const nodeLayer = svg("g", { class: "nodes" });
    for (const node of nodes) {
      const p = position.get(node.id);
      const group = svg("g", { class: "node", "data-id": node.id },
        svg("circle", { cx: p.x, cy: p.y, r: p.size }),
        svg("text", { x: p.x, y: p.y + 4, "text-anchor": "middle" }, node.id),
        tooltip(`${node.id}: ${node.events} events (${node.out} as source, ${node.in} as target)`));
      group.addEventListener("click", () => setHash("events", { actor: node.id,
        since: data.since || "", until: data.until || "" }));
      nodeLayer.appendChild(group);
    }
    chart.appendChild(nodeLayer);
  }

  // ---- articles -------------------------------------------------------------------------------------

  async function showArticle(params, rest) {
    const list = document.getElementById("article-list");
    const detail = document.getElementById("article-detail");
    if (!rest.length) {
      list.hidden = false;
      detail.hidden = true;
      await showArticleList(params);
      return;
    }
    list.hidden = true;
    detail.hidden = false;
    const data = await api(`/api/articles/${encodeURIComponent(rest[0])}`);
    renderArticle(data);
    if (params.s !== undefined) focusSentence(params.s);
  }

  async function showArticleList(params) {
    const offset = Math.max(0, parseInt(params.offset || "0", 10) || 0);
    const data = await api(`/api/articles?${query({ limit: PAGE, offset })}`);
    const body = document.querySelector("#articles-table tbody");
    clear(body);
    for (const article of data.rows) {
      body.appendChild(el("tr", {},
        el("td", { class: "code", text: article.published || "–" }),
        el("td", {}, articleLink(article.id, null, article.id)),
        el("td", { text: article.title || "" }),
        el("td", { text: article.language || "" }),
        el("td", { text: article.events }),
        el("td", { text: article.quotes })));
    }
    document.getElementById("articles-count").textContent = `${data.total} articles`;
    pager("article", {}, offset, data, "articles");
  }

  function triggerSpans(text, event) {
    // A discontinuous trigger ("riep ... terug") is highlighted part by part within its range.
    const parts = String(event.trigger || "").split(" ... ").filter(Boolean);
    const spans = [];
    let from = event.trigger_start;
    for (const part of parts) {
      const at = text.indexOf(part, from);
      if (at < 0 || at + part.length > event.trigger_end) return [[event.trigger_start, event.trigger_end]];
      spans.push([at, at + part.length]);
      from = at + part.length;
    }
    return spans.length ? spans : [[event.trigger_start, event.trigger_end]];
  }

  function renderArticle(data) {
    const article = data.article;
    const text = article.text;
    document.getElementById("article-title").textContent = article.title || article.id;
    document.getElementById("article-meta").textContent =
      [article.id, article.published, article.language, article.source].filter(Boolean).join(" · ");

    // Every highlight is a [start, end) span with a class; overlapping spans split the text into segments.
    const spans = [];
    data.mentions.forEach((m) => spans.push({ start: m.start, end: m.end,
      cls: m.actor ? "hl-actor" : "hl-actor unresolved",
      title: m.actor ? `${m.actor_name} (${m.actor}${m.role ? ", " + m.role : ""})` : "unresolved mention" }));
    data.quotes.forEach((q, i) => spans.push({ start: q.start, end: q.end, cls: "hl-quote", quote: i,
      title: `quote (${q.kind}) by ${q.speaker ? q.speaker.name : "unknown speaker"}` }));
    const sentences = new Map();
    data.events.forEach((e, i) => {
      sentences.set(e.sentence_index, [e.sentence_start, e.sentence_end]);
      for (const [start, end] of triggerSpans(text, e)) {
        spans.push({ start, end, cls: "hl-trigger", event: i,
          title: `${e.cameo} ${e.plover || ""}: ${actorText(e.source)} → ${actorText(e.target)} (${e.factuality})` });
      }
    });
    for (const [index, [start, end]] of sentences) {
      spans.push({ start, end, cls: "ev-sentence", sentence: index });
    }
    const cuts = new Set([0, text.length]);
    for (const span of spans) {
      span.start = Math.max(0, Math.min(text.length, span.start));
      span.end = Math.max(span.start, Math.min(text.length, span.end));
      cuts.add(span.start);
      cuts.add(span.end);
    }
    const bounds = [...cuts].sort((a, b) => a - b);
    const container = document.getElementById("article-text");
    clear(container);
    for (let i = 0; i + 1 < bounds.length; i++) {
      const start = bounds[i];
      const end = bounds[i + 1];
      const piece = text.slice(start, end);
      const covering = spans.filter((s) => s.start <= start && s.end >= end && s.end > s.start);
      if (!covering.length) {
        container.appendChild(document.createTextNode(piece));
        continue;
      }
      const node = document.createElement("span");
      node.textContent = piece;
      const classes = new Set();
      const titles = [];
      for (const span of covering) {
        span.cls.split(" ").forEach((c) => classes.add(c));
        if (span.title) titles.push(span.title);
        if (span.sentence !== undefined) node.dataset.sentence = String(span.sentence);
        if (span.event !== undefined) node.dataset.event = String(span.event);
        if (span.quote !== undefined) node.dataset.quote = String(span.quote);
      }
      node.className = [...classes].join(" ");
      if (titles.length) node.title = titles.join("\n");
      container.appendChild(node);
    }

    const events = document.getElementById("article-events");
    clear(events);
    data.events.forEach((e) => {
      const link = el("a", { href: "#", class: "sentence-link", text: `sentence ${e.sentence_index + 1}` });
      link.addEventListener("click", (ev) => {
        ev.preventDefault();
        focusSentence(e.sentence_index);
      });
      events.appendChild(el("li", { "data-sentence": e.sentence_index },
        `${actorText(e.source)} → `, el("span", { class: "code", text: e.cameo }), ` ${e.plover || ""} → `,
        `${actorText(e.target)} `, quadBadge(e.quad_class), ` ${e.factuality}, ${e.date || "undated"} `, link));
    });
    const quotes = document.getElementById("article-quotes");
    clear(quotes);
    data.quotes.forEach((q) => quotes.appendChild(el("li", {},
      el("strong", { text: q.speaker ? actorText(q.speaker) : "unknown speaker" }), ` (${q.kind}): `, q.text)));
    const actors = document.getElementById("article-actors");
    clear(actors);
    const seen = new Map();
    for (const m of data.mentions) {
      if (!m.actor) continue;
      const key = m.actor_id || m.actor;
      if (!seen.has(key)) seen.set(key, { mention: m, count: 0 });
      seen.get(key).count += 1;
    }
    for (const { mention, count } of seen.values()) {
      actors.appendChild(el("li", {}, `${mention.actor_name} `, el("span", { class: "code", text: mention.actor }),
        ` ${mention.country || ""} ×${count}`));
    }
  }

  function focusSentence(index) {
    const nodes = document.querySelectorAll(`#article-text [data-sentence="${CSS.escape(String(index))}"]`);
    for (const node of document.querySelectorAll("#article-text .flash")) node.classList.remove("flash");
    nodes.forEach((node) => node.classList.add("flash"));
    if (nodes.length) nodes[0].scrollIntoView({ block: "center" });
  }

  // ---- start ----------------------------------------------------------------------------------------

  function bindForm(id, view) {
    const form = document.getElementById(id);
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      setHash(view, formValues(form));
    });
    form.addEventListener("reset", () => setTimeout(() => setHash(view, {}), 0));
  }

  async function loadStats() {
    try {
      const data = await api("/api/stats");
      const s = data.stats;
      document.getElementById("store-stats").textContent =
        `${s.articles} articles · ${s.events} events · ${s.quotes} quotes`;
    } catch (error) {
      showError(error.message);
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    bindForm("events-form", "events");
    bindForm("quotes-form", "quotes");
    bindForm("dyad-form", "dyad");
    bindForm("network-form", "network");
    window.addEventListener("hashchange", route);
    loadStats();
    route();
  });
})();

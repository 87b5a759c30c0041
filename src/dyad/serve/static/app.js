// dyad dashboard: plain JavaScript, the time series drawn as SVG here, the network with a vendored library
// (Cytoscape.js; static/vendor/, see `make vendor`); no network beyond this server.
// Every piece of article or record text goes into the page as a text node (textContent), never as HTML.
"use strict";

(function () {
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
      if (!element.name || !Object.prototype.hasOwnProperty.call(values, element.name)) continue;
      const value = values[element.name];
      if (element.type === "radio") element.checked = element.value === value;
      else if (element.type === "checkbox") element.checked = value === element.value;
      else element.value = value;
    }
  }

  function csvCell(value) {
    const text = value === null || value === undefined ? "" : String(value);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  }

  function toCsv(columns, rows) {
    const lines = [columns.join(",")];
    for (const row of rows) lines.push(columns.map((c) => csvCell(row[c])).join(","));
    return lines.join("\n") + "\n";
  }

  // A CSV file of what a chart shows, saved by the browser (no request to the server).
  function download(filename, text) {
    const url = URL.createObjectURL(new Blob([text], { type: "text/csv" }));
    const link = el("a", { href: url, download: filename });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  const PRECISIONS = { 4: "year", 7: "month", 10: "day" };

  function datePrecision(value) {
    if (!value) return "";
    if (/^\d{4}-W\d{2}$/.test(value)) return "week";
    return PRECISIONS[value.length] || (value.length > 10 ? "time" : "");
  }

  // Exposed for the browser tests: the chart objects and the data each view shows.
  const shown = {};
  window.dyad = shown;

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

  const views = { events: showEvents, quotes: showQuotes, series: showSeries, dyad: showDyad,
    network: showNetwork, article: showArticle };

  function route() {
    const { view, rest, params } = parseHash();
    const name = views[view] ? view : "events";
    const section = name === "dyad" ? "series" : name;
    for (const node of document.querySelectorAll(".view")) node.hidden = node.id !== `view-${section}`;
    for (const link of document.querySelectorAll("nav a")) {
      link.classList.toggle("active", link.dataset.view === name);
    }
    showError("");
    views[name](params, rest).catch((error) => showError(error.message));
  }

  // ---- events ---------------------------------------------------------------------------------------

  const EVENT_FILTERS = ["q", "actor", "source", "target", "pair", "cameo", "quad_class", "factuality", "since",
    "until"];

  function actorCell(label, slot) {
    if (!slot) return el("td", { text: "–" });
    const code = slot.actor || slot.country || "";
    return el("td", { title: `${slot.name || ""}${code ? " (" + code + ")" : ""}` },
      label || slot.name || "?", code ? el("span", { class: "code muted", text: ` ${code}` }) : null);
  }

  function articleCell(event) {
    const article = event.article || { id: event.article_id, title: event.article_id };
    const cell = el("td", { class: "article" },
      articleLink(article.id, event.sentence_index, article.title || article.id));
    if (article.url) {
      cell.appendChild(document.createTextNode(" "));
      cell.appendChild(el("a", { href: article.url, class: "source-link", rel: "noopener noreferrer", target: "_blank",
        title: article.source || article.url, text: "source ↗" }));
    }
    return cell;
  }

  async function showEvents(params) {
    const form = document.getElementById("events-form");
    const filters = {};
    for (const key of EVENT_FILTERS) filters[key] = params[key] || "";
    const sort = params.sort || "date";
    const order = params.order === "desc" ? "desc" : "asc";
    fillForm(form, { ...filters, sort, order });
    const offset = Math.max(0, parseInt(params.offset || "0", 10) || 0);
    const qs = query({ ...filters, sort, order, limit: PAGE, offset });
    document.getElementById("events-csv").setAttribute("href", `/api/events.csv?${query(filters)}`);
    const data = await api(`/api/events/table?${qs}`);
    shown.events = data;
    for (const th of document.querySelectorAll("#events-table th[data-sort]")) {
      const active = th.dataset.sort === sort;
      th.setAttribute("aria-sort", active ? (order === "asc" ? "ascending" : "descending") : "none");
      th.onclick = () => setHash("events", { ...filters, sort: th.dataset.sort,
        order: active && order === "asc" ? "desc" : "asc" });
    }
    const body = document.querySelector("#events-table tbody");
    clear(body);
    for (const event of data.rows) {
      const code = el("span", {}, el("span", { class: "code", text: event.cameo }), " ", event.plover || "");
      const precision = datePrecision(event.date);
      body.appendChild(el("tr", { "data-article": event.article_id },
        el("td", { class: "date", title: event.date_rule || "" }, el("span", { class: "code", text: event.date || "–" }),
          precision ? el("span", { class: "precision", text: precision }) : null),
        actorCell(event.source_label, event.source),
        el("td", { title: event.trigger }, code),
        actorCell(event.target_label, event.target),
        el("td", {}, quadBadge(event.quad_class)),
        el("td", { class: "num", text: event.goldstein ?? "–" }),
        el("td", { text: event.factuality }),
        el("td", { class: "num", text: event.confidence === null || event.confidence === undefined ? "–"
          : Number(event.confidence).toFixed(2) }),
        el("td", { class: "code rule", text: event.rule || "–" }),
        articleCell(event),
        el("td", { class: "sentence" }, event.sentence)));
    }
    const count = data.rows.length ? `${offset + 1}–${offset + data.rows.length} of ${data.total}` : "0";
    document.getElementById("events-count").textContent = `${count} events`;
    pager("events", { ...filters, sort: params.sort || "", order: params.order || "" }, offset, data);
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

  // ---- chart library, loaded by the view that draws a network ----------------------------------------

  // Cytoscape.js (440 kB of script) is needed by the network alone, so no other view waits for it. Loaded
  // once, when the network view first asks for it.
  const LIBRARIES = { cytoscape: ["cytoscape/cytoscape.min.js"] };
  const libraryLoads = {};

  function library(name) {
    if (!libraryLoads[name]) {
      libraryLoads[name] = Promise.all(LIBRARIES[name].map((file) => new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = `/static/vendor/${file}`;
        script.async = false;
        script.onload = resolve;
        script.onerror = () => reject(new Error(`cannot load /static/vendor/${file}`));
        document.head.appendChild(script);
      })));
    }
    return libraryLoads[name];
  }

  // ---- time series (SVG drawn here) -----------------------------------------------------------------

  const QUAD_COLOURS = { 1: "#8cc58a", 2: "#2f8a3a", 3: "#f0a35a", 4: "#c8322f" };

  // The events behind a series (or one bar of it): the event table's filters.
  function seriesEventFilters(values) {
    const filters = {};
    const { actor, partner, direction } = values;
    if (actor && partner) {
      if (direction === "out") Object.assign(filters, { source: actor, target: partner });
      else if (direction === "in") Object.assign(filters, { source: partner, target: actor });
      else filters.pair = `${actor},${partner}`;
    } else if (actor) {
      if (direction === "out") filters.source = actor;
      else if (direction === "in") filters.target = actor;
      else filters.actor = actor;
    }
    if (values.factuality && values.factuality !== "all") filters.factuality = values.factuality;
    return filters;
  }

  async function showDyad(params) {
    // The pair view: the series of two actors (old links name them a and b).
    const actor = params.actor || params.a || "USA";
    const partner = params.partner || params.b || "RUS";
    return showSeries({ ...params, actor, partner }, [], "dyad");
  }

  async function showSeries(params, _rest, viewName) {
    const view = viewName || "series";
    const form = document.getElementById("series-form");
    const values = { actor: params.actor || "", partner: params.partner || "", direction: params.direction || "either",
      bucket: params.bucket || "month", factuality: params.factuality || "actual", since: params.since || "",
      until: params.until || "", normalise: params.normalise === "1" ? "1" : "" };
    fillForm(form, values);
    form.dataset.view = view;
    const actorName = values.actor || "all";
    form.querySelector(".dir-out").textContent = values.partner ? `${actorName} → ${values.partner}` : "as source";
    form.querySelector(".dir-in").textContent = values.partner ? `${values.partner} → ${actorName}` : "as target";
    const data = await api(`/api/series?${query({ actor: values.actor, partner: values.partner,
      direction: values.direction, bucket: values.bucket, factuality: values.factuality, since: values.since,
      until: values.until })}`);
    const normalise = values.normalise === "1";
    const t = data.totals;
    const who = !values.actor ? "All events" : values.partner
      ? `${values.actor} – ${values.partner}` : values.actor;
    const notes = [];
    if (data.excluded.coarser_than_bucket) {
      notes.push(`${data.excluded.coarser_than_bucket} dated less precisely than a ${data.bucket} left out`);
    }
    if (data.excluded.undated) notes.push(`${data.excluded.undated} without a date left out`);
    document.getElementById("series-summary").textContent =
      `${who}: ${t.events} events (${t.cooperation} cooperation, ${t.conflict} conflict), summed Goldstein ` +
      `${t.goldstein}; ${t.articles} articles in these ${data.bucket}s` +
      (normalise ? "; per article" : "") + (notes.length ? `; ${notes.join("; ")}` : "") + ".";
    const table = seriesTable(data, normalise);
    shown.series = { values, data, table };
    document.getElementById("series-csv").onclick = () => download(
      `dyad-series-${values.actor || "all"}${values.partner ? "-" + values.partner : ""}-${values.direction}-` +
      `${data.bucket}${normalise ? "-per-article" : ""}.csv`, toCsv(SERIES_COLUMNS, table));
    await drawSeries(document.getElementById("series-chart"), data, table, normalise, values);
  }

  const SERIES_COLUMNS = ["bucket", "start", "end", "events", "q1", "q2", "q3", "q4", "goldstein", "articles",
    "value_q1", "value_q2", "value_q3", "value_q4", "value_goldstein"];

  // One row per bucket: the counts, and the values drawn (per article when normalised).
  function seriesTable(data, normalise) {
    return data.points.map((p) => {
      const scale = (n) => (normalise ? (p.articles ? Number((n / p.articles).toFixed(4)) : 0) : n);
      return { bucket: p.bucket, start: p.start, end: p.end, events: p.events, q1: p.quad["1"], q2: p.quad["2"],
        q3: p.quad["3"], q4: p.quad["4"], goldstein: p.goldstein, articles: p.articles,
        value_q1: scale(p.quad["1"]), value_q2: scale(p.quad["2"]), value_q3: scale(p.quad["3"]),
        value_q4: scale(p.quad["4"]), value_goldstein: scale(p.goldstein) };
    });
  }

  const SVG_NS = "http://www.w3.org/2000/svg";

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value !== null && value !== undefined) node.setAttribute(key, String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  // A linear scale from `domain` to `range` (pixels), with `domain()` and `range()` as a Vega scale has.
  function linearScale(domain, range) {
    const [d0, d1] = domain;
    const [r0, r1] = range;
    const scale = (value) => r0 + ((value - d0) * (r1 - r0)) / (d1 - d0 || 1);
    scale.domain = () => [d0, d1];
    scale.range = () => [r0, r1];
    return scale;
  }

  // Round values (1, 2 or 5 times a power of ten apart) from `low` to `high`, about `count` of them.
  function niceTicks(low, high, count) {
    const span = high - low;
    if (!(span > 0)) return [low];
    const raw = span / count;
    const power = 10 ** Math.floor(Math.log10(raw));
    const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
    const out = [];
    for (let v = Math.ceil(low / step) * step; v <= high + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
    return out;
  }

  function tickLabel(value) {
    return Math.abs(value) >= 1000 || Number.isInteger(value) ? Math.round(value).toLocaleString("en")
      : String(Number(value.toFixed(3)));
  }

  // The series as a plain SVG chart: a few hundred elements, drawn in milliseconds (Vega-Lite took 0.5 s
  // in a new tab for a series of 27 years by month: its code compiled, the spec compiled, every bar's
  // encoding interpreted; docs/BENCHMARKS.md). `shown.seriesView.scale(name)` gives the scales to tests.
  async function drawSeries(container, data, table, normalise, values) {
    if (shown.seriesView) shown.seriesView.finalize();
    shown.seriesView = null;
    clear(container);
    if (!table.length) {
      container.appendChild(el("p", { class: "empty", text: "No dated events for this selection." }));
      return;
    }
    const up = Math.max(0, ...table.map((r) => r.value_q1 + r.value_q2));
    const down = Math.max(0, ...table.map((r) => r.value_q3 + r.value_q4));
    const gUp = Math.max(0, ...table.map((r) => r.value_goldstein));
    const gDown = Math.max(0, ...table.map((r) => -r.value_goldstein));
    // Both axes put zero at the same height: the Goldstein scale is the count scale times k, with k the
    // least factor that fits every Goldstein value; the bars use the whole height.
    let top = up;
    let bottom = down;
    if (!top && !bottom) { top = 1; bottom = 1; }
    if (!top && gUp) top = bottom * 0.25;
    if (!bottom && gDown) bottom = top * 0.25;
    const k = Math.max(top ? gUp / top : 0, bottom ? gDown / bottom : 0) || 1;

    const n = table.length;
    const rotate = n > 12;
    const margin = { top: 34, right: 64, bottom: rotate ? 78 : 44, left: 64 };
    const width = Math.max(360, container.clientWidth - 12 || 800);
    const plotHeight = 380;
    const plotWidth = width - margin.left - margin.right;
    const height = plotHeight + margin.top + margin.bottom;
    const y = linearScale([-bottom, top], [plotHeight, 0]);
    const yGold = linearScale([-bottom * k, top * k], [plotHeight, 0]);
    const step = plotWidth / n;
    const barWidth = step * 0.85;
    const centre = (i) => i * step + step / 2;
    const valueTitle = normalise ? "events per article" : "events";

    const root = svg("svg", { class: "series-svg", width: "100%", viewBox: `0 0 ${width} ${height}`,
      "font-family": "DejaVu Sans, sans-serif", "font-size": 11 });
    const plot = svg("g", { transform: `translate(${margin.left},${margin.top})` });
    root.appendChild(plot);

    // axes and grid
    const leftAxis = svg("g", { class: "axis axis-left" });
    for (const t of niceTicks(-bottom, top, 8)) {
      leftAxis.appendChild(svg("line", { x1: 0, x2: plotWidth, y1: y(t), y2: y(t), stroke: "#e3e6ea" }));
      leftAxis.appendChild(svg("text", { x: -6, y: y(t), "text-anchor": "end", "dominant-baseline": "middle",
        fill: "#4a525a" }, tickLabel(Math.abs(t))));
    }
    leftAxis.appendChild(svg("text", { transform: `translate(${-48},${plotHeight / 2}) rotate(-90)`,
      "text-anchor": "middle", fill: "#1d232a", "font-weight": 600 }, `${valueTitle} (cooperation ↑, conflict ↓)`));
    const rightAxis = svg("g", { class: "axis axis-right" });
    for (const t of niceTicks(-bottom * k, top * k, 8)) {
      rightAxis.appendChild(svg("line", { x1: plotWidth, x2: plotWidth + 4, y1: yGold(t), y2: yGold(t), stroke: "#6c757d" }));
      rightAxis.appendChild(svg("text", { x: plotWidth + 7, y: yGold(t), "dominant-baseline": "middle",
        fill: "#4a525a" }, tickLabel(t)));
    }
    rightAxis.appendChild(svg("text", { transform: `translate(${plotWidth + 52},${plotHeight / 2}) rotate(90)`,
      "text-anchor": "middle", fill: "#1d232a", "font-weight": 600 },
    normalise ? "Goldstein per article" : "summed Goldstein"));
    const bottomAxis = svg("g", { class: "axis axis-bottom", transform: `translate(0,${plotHeight})` });
    const every = Math.max(1, Math.ceil(n / Math.max(1, Math.floor(plotWidth / (rotate ? 22 : 70)))));
    table.forEach((row, i) => {
      if (i % every) return;
      bottomAxis.appendChild(svg("line", { x1: centre(i), x2: centre(i), y1: 0, y2: 4, stroke: "#6c757d" }));
      bottomAxis.appendChild(svg("text", rotate
        ? { transform: `translate(${centre(i)},8) rotate(-45)`, "text-anchor": "end", "dominant-baseline": "hanging",
          fill: "#4a525a" }
        : { x: centre(i), y: 8, "text-anchor": "middle", "dominant-baseline": "hanging", fill: "#4a525a" }, row.bucket));
    });
    bottomAxis.appendChild(svg("text", { x: plotWidth / 2, y: margin.bottom - 6, "text-anchor": "middle",
      fill: "#1d232a", "font-weight": 600 }, data.bucket));
    plot.append(leftAxis, rightAxis, bottomAxis);

    // the bars: per bucket, quad classes 1 then 2 up from zero, 3 then 4 down
    const bars = svg("g", { class: "bars_marks" });
    table.forEach((row, i) => {
      let above = 0;
      let below = 0;
      for (const q of [1, 2, 3, 4]) {
        const count = row[`q${q}`];
        if (!count) continue;
        const value = row[`value_q${q}`];
        let from;
        let to;
        if (q <= 2) { from = above; to = above + value; above = to; } else { from = below; to = below - value; below = to; }
        const yTop = y(Math.max(from, to));
        const h = Math.abs(y(from) - y(to));
        const x = centre(i) - barWidth / 2;
        const bar = svg("path", { d: `M${x},${yTop}h${barWidth}v${h}h${-barWidth}Z`, fill: QUAD_COLOURS[q],
          class: `bar quad-${q}`, "data-bucket": row.bucket, "data-quad": q, cursor: "pointer" },
        svg("title", {}, `${row.bucket} · ${QUAD_NAMES[q]}: ${count} events, ${row.articles} articles` +
          (normalise ? `; ${Number(value).toFixed(3)} per article` : "")));
        bar.addEventListener("click", () => setHash("events", { ...seriesEventFilters(values), quad_class: q,
          since: row.start, until: row.end }));
        bars.appendChild(bar);
      }
    });
    plot.appendChild(bars);
    plot.appendChild(svg("line", { class: "zero", x1: 0, x2: plotWidth, y1: y(0), y2: y(0), stroke: "#6c757d" }));

    // the Goldstein line, a point per bucket
    const line = table.map((row, i) => `${i ? "L" : "M"}${centre(i)},${yGold(row.value_goldstein)}`).join("");
    plot.appendChild(svg("g", { class: "goldstein_marks" },
      svg("path", { d: line, fill: "none", stroke: "#28323c", "stroke-width": 1.6 })));
    const points = svg("g", { class: "goldstein_points" });
    table.forEach((row, i) => {
      points.appendChild(svg("circle", { cx: centre(i), cy: yGold(row.value_goldstein), r: 2.8, fill: "#28323c" },
        svg("title", {}, `${row.bucket} · summed Goldstein ${row.goldstein}, ${row.events} events` +
          (normalise ? `; ${row.value_goldstein} per article` : ""))));
    });
    plot.appendChild(points);

    // the legend, above the plot
    const legend = svg("g", { class: "legend", transform: `translate(${margin.left},12)` });
    let x = 0;
    legend.appendChild(svg("text", { x, y: 0, "dominant-baseline": "middle", fill: "#1d232a", "font-weight": 600 },
      "quad class"));
    x += 72;
    for (const q of [1, 2, 3, 4]) {
      legend.appendChild(svg("rect", { x, y: -5, width: 10, height: 10, fill: QUAD_COLOURS[q] }));
      legend.appendChild(svg("text", { x: x + 14, y: 0, "dominant-baseline": "middle", fill: "#1d232a" }, QUAD_NAMES[q]));
      x += 24 + QUAD_NAMES[q].length * 6.2;
    }
    root.appendChild(legend);
    container.appendChild(root);
    const scales = { bars_y: y, goldstein_y: yGold };
    shown.seriesView = { scale: (name) => scales[name], finalize: () => root.remove() };
  }

  // ---- network (Cytoscape.js) ----------------------------------------------------------------------

  const NETWORK_MAX_EDGES = 100;

  async function showNetwork(params) {
    const form = document.getElementById("network-form");
    const values = { since: params.since || "", until: params.until || "", by: params.by || "country",
      factuality: params.factuality || "actual", min_events: params.min_events || "1",
      // the heaviest edges only: a force layout of hundreds of edges is a hairball and costs a second to draw
      max_edges: params.max_edges || String(NETWORK_MAX_EDGES) };
    fillForm(form, values);
    library("cytoscape").catch(() => {});  // fetched while the network is read (awaited before drawing)
    const data = await api(`/api/network?${query(values)}`);
    const loops = data.edges.filter((e) => e.source === e.target).reduce((n, e) => n + e.events, 0);
    document.getElementById("network-summary").textContent =
      `${data.nodes.length} ${values.by === "actor" ? "actors" : "countries"}, ${data.edges.length} edges` +
      (loops ? ` (${loops} events of an actor on itself, drawn as loops)` : "") +
      (data.edges.length >= Number(values.max_edges) ? `; the ${values.max_edges} heaviest edges are drawn, ` +
        "raise Max. edges for more" : "") + ".";
    const edgeRows = data.edges.map((e) => ({ source: e.source, target: e.target, events: e.events,
      cooperation: e.cooperation, conflict: e.conflict, goldstein_mean: e.goldstein_mean }));
    shown.network = { values, data };
    document.getElementById("network-csv").onclick = () => download(`dyad-network-${values.by}.csv`,
      toCsv(["source", "target", "events", "cooperation", "conflict", "goldstein_mean"], edgeRows));
    await library("cytoscape");
    drawNetwork(document.getElementById("network-chart"), data, values);
  }

  function goldsteinColour(mean) {
    // -10 (red) .. 0 (grey) .. +10 (green)
    const t = Math.max(-1, Math.min(1, (mean || 0) / 6));
    const grey = [150, 156, 162];
    const target = t < 0 ? [200, 50, 47] : [47, 138, 58];
    const mix = grey.map((g, i) => Math.round(g + (target[i] - g) * Math.abs(t)));
    return `rgb(${mix[0]},${mix[1]},${mix[2]})`;
  }

  // Push apart nodes that the force layout left overlapping (their circles and labels), a few rounds.
  function separate(cy) {
    const nodes = cy.nodes();
    for (let round = 0; round < 60; round++) {
      let moved = false;
      for (let i = 0; i < nodes.length; i++) {
        for (let j = i + 1; j < nodes.length; j++) {
          const a = nodes[i];
          const b = nodes[j];
          const pa = a.position();
          const pb = b.position();
          const need = (a.width() + b.width()) / 2 + 12;
          let dx = pb.x - pa.x;
          let dy = pb.y - pa.y;
          let dist = Math.hypot(dx, dy);
          if (dist >= need) continue;
          if (dist < 0.01) { dx = 1; dy = 0; dist = 1; }
          const push = (need - dist) / 2 + 0.5;
          a.position({ x: pa.x - (dx / dist) * push, y: pa.y - (dy / dist) * push });
          b.position({ x: pb.x + (dx / dist) * push, y: pb.y + (dy / dist) * push });
          moved = true;
        }
      }
      if (!moved) break;
    }
  }

  function drawNetwork(container, data, values) {
    if (shown.networkGraph) shown.networkGraph.destroy();
    shown.networkGraph = null;
    clear(container);
    if (!data.nodes.length) {
      container.appendChild(el("p", { class: "empty", text: "No events with both actors known in this period." }));
      return;
    }
    const maxEvents = Math.max(1, ...data.nodes.map((n) => n.events));
    const maxEdge = Math.max(1, ...data.edges.map((e) => e.events));
    const elements = [];
    for (const node of data.nodes) {
      const size = Math.round(34 + 50 * Math.sqrt(node.events / maxEvents));
      elements.push({ group: "nodes", data: { id: node.id, label: node.id, events: node.events, out: node.out,
        in: node.in, size } });
    }
    data.edges.forEach((edge, i) => {
      elements.push({ group: "edges", data: { id: `e${i}`, source: edge.source, target: edge.target,
        events: edge.events, goldstein_mean: edge.goldstein_mean, colour: goldsteinColour(edge.goldstein_mean),
        width: 1.5 + 6 * Math.sqrt(edge.events / maxEdge) } });
    });
    const cy = cytoscape({
      container,
      elements,
      style: [
        { selector: "node", style: { width: "data(size)", height: "data(size)", label: "data(label)",
          "background-color": "#e7eef7", "border-color": "#1f5fa8", "border-width": 1.5, "text-valign": "center",
          "text-halign": "center", "font-size": 13, "font-weight": 600, color: "#1d232a",
          "font-family": "DejaVu Sans, sans-serif", "text-outline-color": "#fff", "text-outline-width": 2 } },
        { selector: "edge", style: { width: "data(width)", "line-color": "data(colour)",
          "target-arrow-color": "data(colour)", "target-arrow-shape": "triangle", "curve-style": "bezier",
          "arrow-scale": 0.9, opacity: 0.85 } },
        { selector: "edge:loop", style: { "loop-direction": "-45deg", "loop-sweep": "-60deg" } },
        { selector: ":selected", style: { "border-width": 3, "line-style": "dashed" } },
      ],
      layout: { name: "preset" },
    });
    const layout = cy.layout({ name: "cose", animate: false, randomize: true, nodeDimensionsIncludeLabels: true,
      nodeOverlap: 20, nodeRepulsion: () => 9000, idealEdgeLength: () => 50, edgeElasticity: () => 80,
      gravity: 1.5, componentSpacing: 30, nestingFactor: 1, padding: 20, fit: true, numIter: 1500 });
    layout.one("layoutstop", () => {
      separate(cy);
      cy.fit(undefined, 30);
      container.dataset.ready = "1";
    });
    container.dataset.ready = "";
    layout.run();
    cy.on("tap", "node", (event) => {
      const node = event.target;
      setHash("events", { actor: node.id(), since: values.since, until: values.until,
        factuality: values.factuality === "all" ? "" : values.factuality });
    });
    cy.on("tap", "edge", (event) => {
      const edge = event.target;
      setHash("events", { source: edge.data("source"), target: edge.data("target"), since: values.since,
        until: values.until, factuality: values.factuality === "all" ? "" : values.factuality });
    });
    for (const kind of ["node", "edge"]) {
      cy.on("mouseover", kind, (event) => {
        const d = event.target.data();
        container.title = kind === "node" ? `${d.id}: ${d.events} events (${d.out} as source, ${d.in} as target)`
          : `${d.source} → ${d.target}: ${d.events} events, mean Goldstein ${d.goldstein_mean}`;
        container.style.cursor = "pointer";
      });
      cy.on("mouseout", kind, () => { container.title = ""; container.style.cursor = ""; });
    }
    shown.networkGraph = cy;
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

  const ARTICLE_FILTERS = ["q", "since", "until", "sort"];

  async function showArticleList(params) {
    const form = document.getElementById("articles-form");
    const filters = {};
    for (const key of ARTICLE_FILTERS) filters[key] = params[key] || "";
    if (!filters.sort) filters.sort = "published";
    fillForm(form, filters);
    const offset = Math.max(0, parseInt(params.offset || "0", 10) || 0);
    const data = await api(`/api/articles?${query({ ...filters, limit: PAGE, offset })}`);
    shown.articles = data;
    const body = document.querySelector("#articles-table tbody");
    clear(body);
    for (const article of data.rows) {
      const source = article.url
        ? el("a", { href: article.url, rel: "noopener noreferrer", target: "_blank", class: "source-link",
          text: `${article.source || "source"} ↗` })
        : document.createTextNode(article.source || "–");
      body.appendChild(el("tr", {},
        el("td", { class: "code", text: article.published || "–" }),
        el("td", { class: article.title ? "title" : "title fallback" },
          articleLink(article.id, null, article.display_title || article.id)),
        el("td", {}, source),
        el("td", { text: article.language || "" }),
        el("td", { class: "num", text: article.events }),
        el("td", { class: "num", text: article.quotes }),
        el("td", { class: "code muted", text: article.id })));
    }
    const count = data.rows.length ? `${offset + 1}–${offset + data.rows.length} of ${data.total}` : "0";
    document.getElementById("articles-count").textContent = `${count} articles`;
    pager("article", filters, offset, data, "articles");
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
    document.getElementById("article-title").textContent = article.title || article.display_title || article.id;
    const meta = document.getElementById("article-meta");
    meta.textContent = [article.id, article.published, article.language, article.source].filter(Boolean).join(" · ");
    if (article.url) {
      meta.appendChild(document.createTextNode(" · "));
      meta.appendChild(el("a", { href: article.url, rel: "noopener noreferrer", target: "_blank", id: "article-source",
        text: "source ↗" }));
    }

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
      setHash(form.dataset.view || view, formValues(form));
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
    bindForm("series-form", "series");
    bindForm("network-form", "network");
    bindForm("articles-form", "article");
    // The direction toggle and the per-article box redraw at once.
    for (const input of document.querySelectorAll("#series-form input[type=radio], #series-form input[type=checkbox]")) {
      input.addEventListener("change", () => {
        const form = document.getElementById("series-form");
        setHash(form.dataset.view || "series", formValues(form));
      });
    }
    window.addEventListener("hashchange", route);
    loadStats();
    route();
  });
})();

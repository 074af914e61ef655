// Marsad pages: JavaScript written for this project, nothing loaded from outside. The chart pages add views.js (ECharts).
// Rule: text from the store (articles, titles, names, quotes) only ever enters the page as DOM text nodes
// (el() below, textContent), never as markup, so a crawled page cannot inject HTML or script.
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";
const EVENT_TYPES = ["CONSULT", "AGREE", "COOPERATE", "SUPPORT", "AID", "REQUEST", "ACCUSE", "REJECT", "THREATEN",
  "SANCTION", "COERCE", "ASSAULT", "PROTEST"];
const TYPE_AR = {
  CONSULT: "تشاور/لقاء", AGREE: "اتفاق", COOPERATE: "تعاون", SUPPORT: "دعم", AID: "مساعدة", REQUEST: "طلب",
  ACCUSE: "اتهام", REJECT: "رفض", THREATEN: "تهديد", SANCTION: "عقوبات", COERCE: "إكراه", ASSAULT: "هجوم", PROTEST: "احتجاج",
};
const ENTITY_AR = { PER: "شخص", ORG: "منظمة", LOC: "مكان", MISC: "أخرى" };
const MODALITY_AR = { asserted: "وقع", planned: "مخطط", proposed: "مقترح", possible: "محتمل", negated: "منفي" };

/** Creates an element; string children become text nodes, never markup. */
function el(tag, attrs, ...children) {
  const node = tag.startsWith("svg:") ? document.createElementNS(SVG_NS, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.setAttribute("class", v);
    else if (k === "dataset") Object.assign(node.dataset, v);
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

/** An Arabic label with its English gloss beside it (either may be missing). */
function gloss(ar, en) {
  const parts = [];
  if (ar) parts.push(el("bdi", { lang: "ar" }, ar));
  if (en && en !== ar) parts.push(" ", el("bdi", { class: "gloss", lang: "en", dir: "ltr" }, en));
  if (parts.length === 0) parts.push("؟");
  return el("span", {}, parts);
}

/** A count with its Arabic and English unit, each part isolated so the number stays with its unit in either direction. */
function count(n, ar, en) {
  return el("span", { class: "count" }, el("bdi", {}, String(n)), " ", ar, " · ", el("bdi", { class: "gloss", lang: "en", dir: "ltr" }, en));
}

function actorLink(a) {
  if (!a) return el("span", { class: "muted" }, "؟");
  return el("a", { href: "/actor?id=" + encodeURIComponent(a.id) }, gloss(a.name_ar, a.name_en || a.id));
}

function actorList(list) {
  const out = [];
  (list || []).forEach((a, i) => { if (i > 0) out.push("، "); out.push(actorLink(a)); });
  return out.length ? out : [el("span", { class: "muted" }, "—")];
}

/** Only http(s) links are made clickable; anything else (javascript:, data:) stays text. */
function safeUrl(url) {
  try { const u = new URL(url); return u.protocol === "http:" || u.protocol === "https:" ? u.href : null; } catch { return null; }
}

function typeBadge(type, mode) {
  return el("span", { class: "badge " + type, title: TYPE_AR[type] || type }, type + (mode ? "/" + mode : ""));
}

function modalityBadge(m) {
  return m && m !== "asserted" ? el("span", { class: "badge " + m }, (MODALITY_AR[m] || m) + " · " + m) : null;
}

async function api(path, init) {
  const response = await fetch(path, init);
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const detail = body && (body.detail || body.title || JSON.stringify(body.errors || body)) || response.statusText;
    throw new Error(response.status + ": " + detail);
  }
  return body;
}

function params() { return new URLSearchParams(location.search); }

function setStatus(text, isError) {
  const s = document.getElementById("status");
  if (!s) return;
  s.textContent = text;
  s.className = isError ? "error" : "muted";
}

/** Fills a filter form from the address bar and, on submit, puts its values back there (pages are linkable). */
function bindForm(form, onQuery) {
  const p = params();
  for (const input of form.elements) {
    if (!input.name || !p.has(input.name)) continue;
    if (input.type === "radio") input.checked = input.value === p.get(input.name);
    else if (input.type !== "checkbox") input.value = p.get(input.name);
  }
  form.addEventListener("submit", ev => {
    ev.preventDefault();
    const q = formQuery(form);
    history.replaceState(null, "", "?" + q.toString());
    onQuery(q);
  });
  return p;
}

/** The filters of a form (its non-empty values; checkboxes and radio buttons when checked) as query parameters. */
function formQuery(form) {
  const q = new URLSearchParams();
  for (const input of form.elements) {
    if (!input.name || ((input.type === "checkbox" || input.type === "radio") && !input.checked)) continue;
    if (input.value.trim() !== "") q.append(input.name, input.value.trim());
  }
  return q;
}

// ------------------------------------------------------------------ search

/** Results per page: 20, or the address bar's limit (1-100). */
function searchPageSize() { return Math.min(100, Math.max(1, parseInt(params().get("limit") || "20", 10) || 20)); }
/** Facet groups of /api/search: response field, the filter parameter a value sets, Arabic and English headings. */
const SEARCH_FACETS = [
  ["sources", "source", "المصادر", "Outlets"], ["months", "month", "الأشهر", "Months"],
  ["actors", "actor", "الفاعلون", "Actors"], ["event_types", "event_type", "أنواع الأحداث", "Event types"],
];

/** The day range of a yyyy-MM month, as the since/until filters take it. */
function monthRange(month) {
  const [y, m] = month.split("-").map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return [`${month}-01`, `${month}-${String(last).padStart(2, "0")}`];
}

/** The search with one facet value set (or cleared when already set), from the first page. */
function facetQuery(q, parameter, value) {
  const next = new URLSearchParams(q);
  next.delete("offset");
  if (parameter === "month") {
    const [since, until] = monthRange(value);
    const active = q.get("since") === since && q.get("until") === until;
    if (active) { next.delete("since"); next.delete("until"); } else { next.set("since", since); next.set("until", until); }
    return [next, active];
  }
  const active = q.get(parameter) === value;
  if (active) next.delete(parameter); else next.set(parameter, value);
  return [next, active];
}

/** The facet lists: each value a link that filters the search to it (its count is what that search will total). */
function renderFacets(box, facets, q) {
  box.replaceChildren();
  if (!facets) return;
  for (const [field, parameter, ar, en] of SEARCH_FACETS) {
    const values = facets[field] || [];
    if (values.length === 0) continue;
    const list = el("ul", { class: "items facet", dataset: { facet: field } });
    for (const f of values) {
      const [next, active] = facetQuery(q, parameter, f.value);
      const label = parameter === "actor" ? gloss(f.label_ar, f.label || f.value)
        : parameter === "event_type" ? el("span", {}, `${TYPE_AR[f.value] || ""} · `, el("bdi", { dir: "ltr" }, f.value))
        : el("bdi", { dir: "auto" }, f.value);
      list.append(el("li", {},
        el("a", { href: "?" + next.toString(), "aria-current": active ? "true" : null, dataset: { value: f.value },
          title: active ? "إزالة المرشح · remove this filter" : null }, label, active ? " ✕" : null),
        " ", el("span", { class: "count", dir: "ltr" }, String(f.count))));
    }
    box.append(el("h3", {}, ar + " ", el("span", { class: "gloss" }, en)), list);
  }
}

function searchHit(hit, q) {
  const snippet = el("p", { class: "snippet" }, hit.snippet_parts.map(p => p.hit ? el("mark", {}, p.text) : p.text));
  const url = safeUrl(hit.url);
  return el("li", { class: "card hit" },
    el("a", { class: "hit-title", href: "/article?id=" + encodeURIComponent(hit.document_id) + "&q=" + encodeURIComponent(q.get("q")) },
      hit.title || hit.document_id),
    snippet,
    el("div", { class: "meta" }, el("span", {}, hit.published ? hit.published.slice(0, 10) : ""), el("span", {}, hit.source || ""),
      url ? el("a", { href: url, rel: "noopener noreferrer nofollow", dir: "ltr" }, new URL(url).host) : null));
}

async function searchPage() {
  const form = document.getElementById("search-form");
  const results = document.getElementById("results");
  const layout = document.getElementById("search-layout");
  const prev = document.getElementById("prev-page"), next = document.getElementById("next-page"), info = document.getElementById("page-info");
  const typeSelect = document.getElementById("event-type-select");
  for (const t of EVENT_TYPES) typeSelect.append(el("option", { value: t }, `${TYPE_AR[t]} · ${t}`));
  let current = new URLSearchParams();
  const size = searchPageSize();
  const run = async q => {
    current = q;
    results.replaceChildren();
    if (!q.get("q")) { layout.hidden = true; return; }
    setStatus("…");
    const offset = Math.max(0, parseInt(q.get("offset") || "0", 10) || 0);
    const request = new URLSearchParams(q);
    request.set("limit", String(size));
    request.set("offset", String(offset));
    request.set("facets", "true");
    try {
      const body = await api("/api/search?" + request.toString());
      layout.hidden = false;
      const first = body.items.length ? offset + 1 : 0, last = offset + body.items.length;
      // The total counts every match; the page says which of them it shows.
      setStatus(body.total === 0 ? "لا نتائج · no results"
        : `النتائج ${first}–${last} من ${body.total} · results ${first}–${last} of ${body.total}`);
      results.setAttribute("start", String(Math.max(1, first)));
      for (const hit of body.items) results.append(searchHit(hit, q));
      const pages = Math.max(1, Math.ceil(body.total / size)), page = Math.floor(offset / size) + 1;
      info.textContent = `صفحة ${page} من ${pages} · page ${page} of ${pages}`;
      prev.disabled = offset === 0;
      next.disabled = body.next_offset === undefined || body.next_offset === null;
      renderFacets(document.getElementById("facets"), body.facets, q);
    } catch (e) { setStatus(e.message, true); }
  };
  const turn = delta => {
    const q = new URLSearchParams(current);
    const offset = Math.max(0, (parseInt(q.get("offset") || "0", 10) || 0) + delta);
    if (offset === 0) q.delete("offset"); else q.set("offset", String(offset));
    history.replaceState(null, "", "?" + q.toString());
    run(q).then(() => window.scrollTo(0, 0));
  };
  prev.addEventListener("click", () => turn(-size));
  next.addEventListener("click", () => turn(size));
  const p = bindForm(form, run);
  if (p.get("q")) await run(p);
  try {
    const top = await api("/api/actors?top=15");
    const list = document.getElementById("top-actors");
    for (const a of top.items)
      list.append(el("li", {}, actorLink(a), " ", el("span", { class: "muted" }, `(${a.documents} مقال · docs, ${a.events} حدث · events)`)));
  } catch (e) { setStatus(e.message, true); }
}

// ------------------------------------------------------------------ export buttons

const EXPORT_FORMATS = {
  search: { endpoint: "/api/export/search", formats: [["csv", "CSV"], ["parquet", "Parquet"], ["jsonl", "JSONL"]] },
  events: { endpoint: "/api/export/events",
    formats: [["csv", "CSV"], ["parquet", "Parquet"], ["gdelt", "GDELT"], ["gdelt-mentions", "GDELT mentions"], ["plover", "PLOVER"], ["jsonl", "JSONL"]] },
};

/**
 * Fills a <div data-export="search|events"> with download buttons for the data its page shows: each button exports
 * with the page's current filters (read from the address bar when clicked, so it follows every search or filter change)
 * and, for events, the confidence threshold and modality chosen beside the buttons.
 */
function exportBar(box) {
  const kind = EXPORT_FORMATS[box.dataset.export];
  if (!kind) return;
  const p = params();
  const events = box.dataset.export === "events";
  const confidence = events ? el("input", { type: "number", name: "export-min-confidence", min: 0, max: 1, step: 0.05, dir: "ltr",
    value: p.get("minConfidence") || "0.5", "aria-label": "minimum confidence" }) : null;
  const modality = events ? el("select", { name: "export-modality", "aria-label": "modality" },
    el("option", { value: "" }, "كل الصيغ · all modalities"), el("option", { value: "asserted" }, "ما وقع فقط · asserted only")) : null;
  if (modality && p.get("modality")) modality.value = p.get("modality");
  const href = format => {
    const q = new URLSearchParams(location.search);
    for (const k of ["offset", "limit", "format", "facets"]) q.delete(k);
    q.set("format", format);
    if (confidence) q.set("minConfidence", confidence.value || "0.5");
    if (modality) { if (modality.value) q.set("modality", modality.value); else q.delete("modality"); }
    return kind.endpoint + "?" + q.toString();
  };
  const buttons = kind.formats.map(([format, label]) => el("a", { class: "button export", href: href(format), download: "", dataset: { format },
    onclick: e => { e.currentTarget.href = href(format); } }, label));
  box.replaceChildren(el("span", { class: "muted" }, "تصدير ", el("span", { class: "gloss" }, "Export")), ...buttons);
  if (events) box.append(el("label", { class: "inline" }, "ثقة ≥ ", el("span", { class: "gloss", dir: "ltr" }, "confidence ≥"), " ", confidence), modality);
}

document.addEventListener("DOMContentLoaded", () => document.querySelectorAll("[data-export]").forEach(exportBar));

// ------------------------------------------------------------------ article

/**
 * Renders an analysed document: the text cut into segments at every entity, evidence, trigger and quote boundary,
 * so any span can be highlighted by toggling a class on its segments. Entities are coloured by type.
 */
function renderArticle(container, doc, extra) {
  const text = doc.text || "";
  const cuts = new Set([0, text.length]);
  const spans = [];
  const addSpan = (s, e) => { if (e > s && s >= 0 && e <= text.length) { cuts.add(s); cuts.add(e); spans.push([s, e]); } };
  (doc.entities || []).forEach(e => addSpan(e.start, e.end));
  (doc.events || []).forEach(ev => { (ev.evidence || []).forEach(s => addSpan(s.start, s.end)); if (ev.trigger) addSpan(ev.trigger.start, ev.trigger.end); });
  (doc.quotes || []).forEach(q => addSpan(q.start, q.end));
  (doc.removed || []).forEach(r => addSpan(r.start, r.end));
  const points = [...cuts].sort((a, b) => a - b);

  // Each entity claims its segments (the first, longest-starting entity wins on overlap).
  const entities = [...(doc.entities || [])].sort((a, b) => a.start - b.start || b.end - a.end);
  const actorsById = new Map((doc.actors || []).map(a => [a.id, a]));
  const textBox = el("div", { class: "article-text", id: "article-text", lang: "ar" });
  const segments = [];
  let ei = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const s = points[i], e = points[i + 1];
    while (ei < entities.length && entities[ei].end <= s) ei++;
    const ent = entities.slice(ei, ei + 8).find(x => x.start <= s && x.end >= e);
    const removed = (doc.removed || []).some(r => r.start <= s && r.end >= e && r.end > r.start);
    const attrs = { dataset: { start: s, end: e } };
    const classes = [];
    if (ent) {
      classes.push("ent", "ent-" + ent.type);
      const actor = ent.actor && actorsById.get(ent.actor);
      attrs.title = (ENTITY_AR[ent.type] || ent.type) + " · " + ent.type + (actor ? " → " + (actor.name_en || actor.id) : "");
      if (ent.actor) attrs.dataset.actor = ent.actor;
      attrs.dataset.entity = ent.type;
    }
    if (removed) classes.push("removed");
    if (classes.length) attrs.class = classes.join(" ");
    const seg = el("span", attrs, text.slice(s, e));
    segments.push(seg);
    textBox.append(seg);
  }

  const clearMarks = () => {
    segments.forEach(x => x.classList.remove("evidence", "trigger"));
    container.querySelectorAll("button.pick[aria-pressed='true']").forEach(b => b.setAttribute("aria-pressed", "false"));
  };
  const mark = (ranges, cls) => {
    let first = null;
    for (const seg of segments) {
      const s = +seg.dataset.start, e = +seg.dataset.end;
      if (ranges.some(([a, b]) => s >= a && e <= b)) { seg.classList.add(cls); first = first || seg; }
    }
    return first;
  };
  const pick = (button, evidence, trigger) => {
    clearMarks();
    button.setAttribute("aria-pressed", "true");
    const first = mark(evidence, "evidence");
    if (trigger) mark([trigger], "trigger");
    if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
  };

  const events = el("ul", { class: "items", id: "event-list" });
  (doc.events || []).forEach((ev, i) => {
    const evidence = (ev.evidence || []).map(s => [s.start, s.end]);
    const trigger = ev.trigger ? [ev.trigger.start, ev.trigger.end] : null;
    if (evidence.length === 0 && trigger) evidence.push(trigger);
    const button = el("button", { type: "button", class: "pick", "aria-pressed": "false", dataset: { event: i } },
      typeBadge(ev.type, ev.mode), modalityBadge(ev.modality),
      el("span", {}, actorList(ev.source), " ← ", actorList(ev.target)),
      ev.date ? el("span", { class: "gloss" }, " " + ev.date) : null,
      ev.trigger ? el("div", { class: "muted" }, "«", ev.trigger.text, "»") : null);
    // Links inside the button must navigate, not highlight.
    button.addEventListener("click", e => { if (!e.target.closest("a")) pick(button, evidence, trigger); });
    events.append(el("li", {}, button));
  });

  const quotes = el("ul", { class: "items", id: "quote-list" });
  (doc.quotes || []).forEach((q, i) => {
    const button = el("button", { type: "button", class: "pick", "aria-pressed": "false", dataset: { quote: i } },
      el("strong", {}, q.speaker ? gloss(q.speaker.name_ar, q.speaker.name_en) : "؟"),
      q.via ? el("span", { class: "muted" }, " عبر ", gloss(q.via.name_ar, q.via.name_en)) : null,
      el("span", { class: "badge" }, q.direct ? "direct" : "reported"),
      el("div", {}, "«", q.text, "»"));
    button.addEventListener("click", () => pick(button, [[q.start, q.end]], null));
    quotes.append(el("li", {}, button));
  });

  const actors = el("ul", { class: "items" }, (doc.actors || []).map(a =>
    el("li", {}, actorLink(a), " ", el("span", { class: "muted" }, [a.kind, a.country, a.role].filter(Boolean).join(" · ")))));

  const url = safeUrl(doc.url);
  const legend = el("p", { class: "legend" }, ["PER", "ORG", "LOC", "MISC"].map(t => el("span", { class: "ent-" + t }, (ENTITY_AR[t]) + " " + t)),
    el("span", { class: "evidence" }, "دليل · evidence"));
  container.replaceChildren(
    el("h1", { id: "article-title" }, doc.title || "(بلا عنوان · untitled)"),
    el("div", { class: "meta" },
      el("span", {}, doc.published || ""), el("span", {}, doc.source || ""),
      url ? el("a", { href: url, rel: "noopener noreferrer nofollow", dir: "ltr" }, url) : null,
      el("span", { class: "badge" }, doc.status || ""), doc.reason ? el("span", {}, doc.reason) : null,
      el("span", { dir: "ltr" }, doc.id || ""), extra || null),
    legend,
    el("div", { class: "layout" },
      textBox,
      el("aside", {},
        el("h2", {}, "الأحداث ", el("span", { class: "gloss" }, `Events (${(doc.events || []).length})`)), events,
        el("h2", {}, "الاقتباسات ", el("span", { class: "gloss" }, `Quotes (${(doc.quotes || []).length})`)), quotes,
        el("h2", {}, "الفاعلون ", el("span", { class: "gloss" }, `Actors (${(doc.actors || []).length})`)), actors)));
}

async function articlePage() {
  const box = document.getElementById("article");
  const id = params().get("id");
  if (!id) { box.replaceChildren(el("p", { class: "error" }, "لا معرّف · no id")); return; }
  try {
    const body = await api("/api/documents/" + encodeURIComponent(id));
    renderArticle(box, body.document, el("span", { class: "muted" }, "ingested " + body.ingested_at));
    const q = params().get("q");
    if (q) {
      // Mark the words searched for, as the search snippets did: the API's hit spans come from the same analyzer.
      const hits = await api("/api/search?limit=50&q=" + encodeURIComponent(q)).catch(() => null);
      const mine = hits && hits.items.find(h => h.document_id === body.document.id);
      if (mine) document.querySelectorAll("#article-text span").forEach(seg => {
        const s = +seg.dataset.start, e = +seg.dataset.end;
        if (mine.hits.some(h => s < h.end && e > h.start)) seg.classList.add("search-hit");
      });
    }
    document.title = "مرصد — " + (body.document.title || id);
  } catch (e) { box.replaceChildren(el("p", { class: "error" }, e.message)); }
}

// ------------------------------------------------------------------ events (timeline, actor, network and map pages)

function eventItem(ev) {
  const first = ev.mentions && ev.mentions[0];
  return el("li", { class: "card event" },
    typeBadge(ev.type, ev.mode), modalityBadge(ev.modality),
    el("span", {}, actorList(ev.source), " ← ", actorList(ev.target)),
    ev.location ? el("span", { class: "muted" }, " · ", gloss(ev.location.name_ar, ev.location.name_en)) : null,
    el("div", { class: "meta" },
      count(ev.num_mentions, "ذكر", "mentions"), count(ev.num_sources, "مصدر", "sources"),
      ev.day ? el("bdi", { dir: "ltr" }, ev.day) : null,
      ev.cameo ? el("span", { dir: "ltr" }, "CAMEO " + ev.cameo) : null,
      first ? el("a", { href: "/article?id=" + encodeURIComponent(first.document_id), dir: "auto" }, first.title || first.document_id) : null),
    first && first.sentence_text ? el("div", { class: "muted", dir: "auto" }, first.sentence_text.length > 220 ? first.sentence_text.slice(0, 220) + "…" : first.sentence_text) : null);
}

// ------------------------------------------------------------------ actor

/** A date range, isolated left to right inside Arabic text. */
function dateRange(from, to) { return el("bdi", { dir: "ltr", class: "gloss" }, `${from || "…"} → ${to || "…"}`); }

/** Registry titles that only say where a code came from (the UniversalPetrarch dictionary's dated CAMEO codes). */
const isCodeOnly = title => /^CAMEO dated code/i.test(title || "");

/**
 * Roles: the dictionary's dated roles first; titles read in articles are shown when the dictionary knows them and
 * folded away when it does not (a title read from context alone is often a misread), as are bare dated CAMEO codes.
 */
function actorRoles(d) {
  const registry = [...d.registry_roles].sort((x, y) => (x.from || "").localeCompare(y.from || ""));
  const known = new Set(registry.map(r => (r.title || "").toLowerCase()));
  const titled = registry.filter(r => !isCodeOnly(r.title)), codes = registry.filter(r => isCodeOnly(r.title));
  const seenKnown = d.roles_seen.filter(r => known.has((r.role || "").toLowerCase()) && !isCodeOnly(r.role));
  const seenOther = d.roles_seen.filter(r => !known.has((r.role || "").toLowerCase()));
  const main = el("ul", { class: "items roles", id: "roles" },
    titled.map(r => el("li", {}, dateRange(r.from, r.to), " ", el("bdi", { lang: "en", dir: "ltr" }, r.title), " ", el("span", { class: "badge" }, r.code))),
    seenKnown.map(r => el("li", {}, dateRange(r.first, r.last), " ", el("bdi", { dir: "auto" }, r.role), " ",
      el("span", { class: "muted" }, "— ", count(r.documents, "مقال", "docs")))));
  if (!main.childElementCount) main.append(el("li", { class: "muted" }, "—"));
  const fold = (id, ar, en, items) => items.length ? el("details", { class: "folded", id },
    el("summary", {}, ar, " ", el("bdi", { class: "gloss" }, `${en} (${items.length})`)), el("ul", { class: "items roles" }, items)) : null;
  return [main,
    fold("roles-codes", "رموز CAMEO مؤرخة", "dated CAMEO codes, UniversalPetrarch dictionary",
      codes.map(r => el("li", {}, dateRange(r.from, r.to), " ", el("span", { class: "badge" }, r.code)))),
    fold("roles-unsourced", "ألقاب من النص فقط", "titles read in articles, not in the dictionary",
      seenOther.map(r => el("li", {}, dateRange(r.first, r.last), " ", el("bdi", { dir: "auto" }, r.role), " ",
        el("span", { class: "muted" }, "— ", count(r.documents, "مقال", "docs")))))];
}

async function actorPage() {
  const box = document.getElementById("actor");
  const id = params().get("id");
  if (!id) { box.replaceChildren(el("p", { class: "error" }, "لا معرّف · no id")); return; }
  try {
    const d = await api("/api/actors/" + encodeURIComponent(id));
    const a = d.actor;
    document.title = "مرصد — " + (a.name_ar || a.name_en || a.id);
    const co = el("ul", { class: "items" }, d.co_occurring.map(c => el("li", {}, actorLink(c), " ", el("span", { class: "muted" }, "— ", count(c.documents, "مقال", "docs")))));
    const events = el("ul", { class: "items" }, d.events.map(eventItem));
    const quotes = el("ul", { class: "items" }, d.quotes.map(q => el("li", { class: "card" },
      el("div", { dir: "auto" }, "«", q.quote.text, "»"),
      el("div", { class: "meta" }, el("bdi", { dir: "ltr" }, (q.published || "").slice(0, 10)), el("bdi", {}, q.source || ""),
        q.quote.via ? el("span", {}, "عبر · via ", gloss(q.quote.via.name_ar, q.quote.via.name_en)) : null,
        el("a", { href: "/article?id=" + encodeURIComponent(q.document_id), dir: "auto" }, q.title || q.document_id)))));
    box.replaceChildren(
      el("h1", {}, gloss(a.name_ar, a.name_en || a.id)),
      el("div", { class: "meta" }, el("bdi", { dir: "ltr" }, a.id), a.kind ? el("bdi", {}, a.kind) : null, a.country ? el("bdi", {}, a.country) : null,
        d.code ? el("bdi", { dir: "ltr" }, d.code) : null,
        count(a.documents, "مقال", "documents"), count(a.events, "حدث", "events"), count(a.quotes, "اقتباس", "quotes"),
        el("a", { href: "/timeline?actor_id=" + encodeURIComponent(a.id) }, "الخط الزمني · timeline"),
        el("a", { href: "/network?actor_id=" + encodeURIComponent(a.id) }, "الشبكة · network"),
        el("a", { href: "/map?actor_id=" + encodeURIComponent(a.id) }, "الخريطة · map")),
      el("div", { class: "layout" },
        el("section", {},
          el("h2", {}, "الأحداث ", el("span", { class: "gloss" }, "Events")), events,
          el("h2", {}, "الاقتباسات ", el("span", { class: "gloss" }, "Quotes")), quotes),
        el("aside", {},
          el("h2", {}, "المناصب عبر الزمن ", el("span", { class: "gloss" }, "Roles over time")), actorRoles(d),
          el("h2", {}, "فاعلون يظهرون معه ", el("span", { class: "gloss" }, "Co-occurring actors")), co)));
  } catch (e) { box.replaceChildren(el("p", { class: "error" }, e.message)); }
}

// ------------------------------------------------------------------ analyze

async function analyzePage() {
  const form = document.getElementById("analyze-form");
  const box = document.getElementById("article");
  form.addEventListener("submit", async ev => {
    ev.preventDefault();
    const file = document.getElementById("file-input").files[0];
    setStatus("…");
    try {
      let body;
      if (file) {
        body = await api("/api/analyze/file?name=" + encodeURIComponent(file.name), { method: "POST", body: file, headers: { "Content-Type": "application/octet-stream" } });
      } else {
        const doc = { text: form.elements.text.value, title: form.elements.title.value || null, published: form.elements.published.value || null };
        body = await api("/api/analyze", { method: "POST", body: JSON.stringify(doc), headers: { "Content-Type": "application/json" } });
      }
      if (!body.documents.length) { setStatus("لا مستند · nothing read", true); return; }
      renderArticle(box, body.documents[0]);
      setStatus(`${body.documents.length} مستند · document(s) analysed`);
    } catch (e) { setStatus(e.message, true); }
  });
}

// ------------------------------------------------------------------ start

const PAGES = { search: searchPage, article: articlePage, actor: actorPage, analyze: analyzePage };

// The timeline, network and map pages live in /assets/views.js (bundled with their chart libraries, see docs/pages.md),
// loaded after this file by those pages only: they use these helpers and add themselves to PAGES.
window.Marsad = { el, gloss, count, actorLink, actorList, api, params, setStatus, bindForm, formQuery, eventItem, typeBadge, modalityBadge, EVENT_TYPES, TYPE_AR, PAGES };

document.addEventListener("DOMContentLoaded", () => {
  const page = document.body.dataset.page;
  const nav = document.querySelector(`header.top a[data-nav="${page}"]`);
  if (nav) nav.setAttribute("aria-current", "page");
  const run = PAGES[page];
  // data-ready-ms: milliseconds from navigation start until the page was built from the API (read by tests and bench).
  if (run) run().finally(() => { document.body.dataset.readyMs = String(Math.round(performance.now())); document.body.dataset.ready = "1"; });
});

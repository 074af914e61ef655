// The timeline: events per day, week or month, stacked by PLOVER type (ECharts bars), a slider under the bars to
// pick a range, and the events of that range listed below.
import { M, statusCounts, typeOptions } from "./shared.js";
import { chartIn, FONT, TOOLTIP, TYPE_COLOURS } from "./echarts.js";

const MAX_FILLED = 4000;   // empty periods are drawn as gaps up to this many periods; beyond, only periods with events

function addDays(day, n) {
  const d = new Date(day + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function nextStart(start, granularity) {
  if (granularity === "day") return addDays(start, 1);
  if (granularity === "week") return addDays(start, 7);
  const d = new Date(start + "T00:00:00Z");
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
}

/** The API's buckets with the empty periods between them put back, so that time runs evenly along the axis. */
function evenBuckets(buckets, granularity) {
  if (buckets.length < 2) return buckets;
  const out = [], byStart = new Map(buckets.map(b => [b.start, b]));
  const last = buckets[buckets.length - 1].start;
  for (let s = buckets[0].start; s <= last; s = nextStart(s, granularity)) {
    if (out.length > MAX_FILLED) return buckets;
    out.push(byStart.get(s) || { start: s, end: addDays(nextStart(s, granularity), -1), counts: {}, total: 0 });
  }
  return out;
}

const label = (start, granularity) => granularity === "month" ? start.slice(0, 7) : start;

export async function timelinePage() {
  const form = document.getElementById("timeline-form");
  typeOptions(document.getElementById("type-select"));
  const chartBox = document.getElementById("chart"), list = document.getElementById("timeline"), more = document.getElementById("more");
  const note = document.getElementById("window-note"), rangeNote = document.getElementById("range-note");
  const chart = chartIn(chartBox);
  M.charts = Object.assign(M.charts || {}, { timeline: chart });
  let query = null, buckets = [], range = null, nextOffset = null, zoomTimer = 0, win = {};
  let day = null, ul = null;   // the day heading and list the next event goes under

  /** Lists the events of the chosen range (all of the window when none was picked), newest first, 100 at a time. */
  const listEvents = async append => {
    const q = new URLSearchParams(query);
    q.delete("granularity");
    // The chosen range, else the window the chart counts (so events dated outside it are not listed either).
    const [since, until] = range || [win.since, win.until];
    for (const [k, v] of [["since", since], ["until", until]]) if (v) q.set(k, v); else q.delete(k);
    q.set("limit", "100");
    if (append) q.set("offset", nextOffset);
    const page = await M.api("/api/events?" + q.toString());
    if (!append) { list.replaceChildren(); day = null; ul = null; }
    for (const ev of page.items) {
      if (ev.day !== day || !ul) {
        day = ev.day;
        list.append(M.el("div", { class: "day" }, day || "?"));
        ul = M.el("ul", { class: "items" });
        list.append(ul);
      }
      ul.append(M.eventItem(ev));
    }
    nextOffset = page.next_offset ?? null;
    more.hidden = nextOffset === null;
  };

  const describeRange = () => {
    if (!buckets.length) { rangeNote.textContent = ""; return; }
    const [from, to] = range || [buckets[0].start, buckets[buckets.length - 1].end];
    const n = buckets.filter(b => b.start >= from && b.end <= to).reduce((a, b) => a + b.total, 0);
    rangeNote.replaceChildren("المدة المختارة · chosen range: ", M.el("bdi", { dir: "ltr" }, `${from} → ${to}`), " — ", M.count(n, "حدث", "events"));
    chartBox.dataset.rangeFrom = from;
    chartBox.dataset.rangeTo = to;
  };

  // The slider (or a wheel/drag on the bars) picks a range; the list follows once the hand stops.
  chart.on("datazoom", () => {
    const zoom = chart.getOption().dataZoom[0];
    const a = Math.max(0, Math.round(zoom.startValue ?? 0)), b = Math.min(buckets.length - 1, Math.round(zoom.endValue ?? buckets.length - 1));
    range = a === 0 && b === buckets.length - 1 ? null : [buckets[a].start, buckets[b].end];
    describeRange();
    clearTimeout(zoomTimer);
    zoomTimer = setTimeout(() => listEvents(false).catch(e => M.setStatus(e.message, true)), 250);
  });
  chart.on("click", p => {
    // A bar picks its own period.
    const b = buckets[p.dataIndex];
    if (!b) return;
    chart.dispatchAction({ type: "dataZoom", startValue: p.dataIndex, endValue: p.dataIndex });
  });

  const load = async q => {
    query = q;
    range = null;
    M.setStatus("…");
    try {
      const granularity = q.get("granularity") || "month";
      const t = await M.api("/api/timeline?" + q.toString());
      buckets = evenBuckets(t.buckets, granularity);
      win = { since: t.since, until: t.until };
      const types = M.EVENT_TYPES.filter(x => t.types.includes(x)).concat(t.types.filter(x => !M.EVENT_TYPES.includes(x)));
      chart.setOption({
        textStyle: { fontFamily: FONT },
        color: types.map(x => TYPE_COLOURS[x] || "#777"),
        tooltip: { ...TOOLTIP, trigger: "axis", axisPointer: { type: "shadow" } },
        legend: { type: "scroll", top: 0, data: types },
        grid: { left: 48, right: 16, top: 36, bottom: 72 },
        xAxis: { type: "category", data: buckets.map(b => label(b.start, granularity)), axisLabel: { hideOverlap: true } },
        yAxis: { type: "value", minInterval: 1 },
        dataZoom: [{ type: "slider", bottom: 8, height: 28, labelFormatter: i => buckets[i] ? label(buckets[i].start, granularity) : "" },
          { type: "inside", zoomOnMouseWheel: "shift" }],
        series: types.map(x => ({ name: x, type: "bar", stack: "events", barMaxWidth: 28, emphasis: { focus: "series" },
          data: buckets.map(b => b.counts[x] || 0) })),
      }, { notMerge: true });
      chartBox.dataset.granularity = granularity;
      chartBox.dataset.buckets = String(buckets.length);
      chartBox.dataset.first = buckets.length ? buckets[0].start : "";
      chartBox.dataset.last = buckets.length ? buckets[buckets.length - 1].start : "";
      const outside = t.before + t.after;
      note.replaceChildren(
        t.default_window ? "النافذة: أيام نشر المقالات · window: the days the articles were published, " : "النافذة · window: ",
        M.el("bdi", { dir: "ltr" }, `${t.since || "…"} → ${t.until || "…"}`),
        ...(outside ? [" — ", M.count(outside, "حدث خارجها", "events dated outside it"), " ",
          M.el("a", { href: "?" + new URLSearchParams([...q].filter(([k]) => k !== "since" && k !== "until").concat([["since", "0001-01-01"], ["until", "9999-12-31"]])).toString(), id: "all-dates" },
            "كل التواريخ · all dates")] : []));
      if (t.default_window) {
        // The window shows in the date fields, so the reader sees what is counted.
        form.elements.since.value = t.since || "";
        form.elements.until.value = t.until || "";
      }
      describeRange();
      await listEvents(false);
      const unit = { day: ["يوم", "days"], week: ["أسبوع", "weeks"], month: ["شهر", "months"] }[granularity];
      statusCounts(M.count(t.total, "حدث", "events"), M.count(buckets.length, ...unit));
    } catch (e) { M.setStatus(e.message, true); }
  };

  const p = M.bindForm(form, load);
  if (p.get("actor_id")) form.elements.actor.value = p.get("actor_id");
  more.addEventListener("click", () => listEvents(true).catch(e => M.setStatus(e.message, true)));
  await load(p);
}

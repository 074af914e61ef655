// The actor network: a d3-force layout (repulsion, springs along edges, no two nodes with their labels on one spot)
// run to rest before drawing, drawn by ECharts' graph, whose labels hide where they would still overlap (the bigger
// actor keeps its name); min-weight and top-N filters; the events behind a clicked edge.
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY } from "d3-force";
import { M, eventPanel, statusCounts } from "./shared.js";
import { chartIn, FONT, TOOLTIP, TYPE_COLOURS } from "./echarts.js";

/**
 * Places the nodes (sets x, y, in pixels around 0) within a box of width × height. The layout is deterministic
 * (d3-force starts from a fixed spiral), so the same network is drawn the same way every time.
 */
function place(nodes, edges, width, height) {
  const aspect = width / Math.max(1, height);
  const links = edges.map(e => ({ source: e.source, target: e.target, events: e.events }));
  const sim = forceSimulation(nodes)
    .force("charge", forceManyBody().strength(-300))
    .force("link", forceLink(links).id(d => d.id).distance(80).strength(0.3))
    // Room for the node and its label, centred under it (about 6.5 px a character at 12 px).
    .force("collide", forceCollide(d => Math.max(d.symbolSize / 2, d.labelWidth / 2) + 6).strength(1).iterations(2))
    .force("x", forceX(0).strength(0.04))
    .force("y", forceY(0).strength(0.04 * Math.max(1, aspect)))
    .stop();
  for (let i = 0; i < 400; i++) sim.tick();
  // Scale the drawing to fill the box, the same in both directions, leaving room for labels at the edges
  // (at most 3 times: two or three nodes need not sit at the corners).
  const w = width / 2 - Math.min(70, width * 0.1), h = height / 2 - 30;
  const s = Math.min(3, ...nodes.map(n => Math.min(w / Math.max(1, Math.abs(n.x)), h / Math.max(1, Math.abs(n.y)))));
  for (const n of nodes) { n.x *= s; n.y *= s; }
}

/**
 * Two invisible points at the box's corners. ECharts fits the drawing's bounding box to the chart; without them a
 * network of two nodes on one line would be a box of height 0, stretched without end.
 */
const corners = (width, height) => [[-1, -1], [1, 1]].map(([a, b], i) => ({
  id: "\u0000corner" + i, name: "", x: a * width / 2, y: b * height / 2, symbolSize: 0, silent: true, label: { show: false }, tooltip: { show: false },
}));

const DEFAULT_TYPES = ["CONSULT", "ACCUSE", "SANCTION", "THREATEN", "COERCE"];

const nameOf = n => n.name_ar || n.name_en || n.id;

export async function networkPage() {
  const form = document.getElementById("network-form");
  const p = M.params();
  const chosen = new Set((p.getAll("types").join(",") || DEFAULT_TYPES.join(",")).split(",").filter(Boolean));
  const boxes = document.getElementById("type-boxes");
  for (const t of M.EVENT_TYPES)
    boxes.append(M.el("label", { class: "check" }, M.el("input", { type: "checkbox", name: "types", value: t, checked: chosen.has(t) }), `${M.TYPE_AR[t]} · ${t}`));
  const graphBox = document.getElementById("graph");
  const chart = chartIn(graphBox);
  M.charts = Object.assign(M.charts || {}, { network: chart });
  const panel = eventPanel(document.getElementById("edge-panel"), document.getElementById("edge-title"), document.getElementById("edge-events"));
  let net = null, query = null;

  chart.on("click", async e => {
    if (e.dataType === "node") { location.href = "/actor?id=" + encodeURIComponent(e.data.id); return; }
    if (e.dataType !== "edge") return;
    const edge = e.data.edge, byId = new Map(net.nodes.map(n => [n.id, n]));
    const a = byId.get(edge.source), b = byId.get(edge.target);
    const q = new URLSearchParams({ source_id: edge.source, target_id: edge.target, type: edge.type, not_negated: "true" });
    for (const k of ["since", "until"]) if (query.get(k)) q.set(k, query.get(k));
    try {
      await panel.show([M.actorLink(a), " ← ", M.actorLink(b), " ", M.typeBadge(edge.type), M.count(edge.events, "حدث", "events")], "/api/events?" + q.toString());
      document.getElementById("edge-panel").dataset.edge = `${edge.source}|${edge.target}|${edge.type}`;
    } catch (err) { M.setStatus(err.message, true); }
  });

  const draw = async q => {
    query = q;
    const apiQuery = new URLSearchParams(q);
    apiQuery.delete("types");
    if (q.getAll("types").length) apiQuery.set("types", q.getAll("types").join(","));
    M.setStatus("…");
    try {
      net = await M.api("/api/network?" + apiQuery.toString());
      const maxW = Math.max(1, ...net.nodes.map(n => n.weight)), maxE = Math.max(1, ...net.edges.map(e => e.events));
      // A phone gets one line per name (Arabic), so that its few hundred pixels hold more than a heap of labels.
      const narrow = graphBox.clientWidth < 600;
      const nodes = net.nodes.map(n => ({
        id: n.id, name: n.id, weight: n.weight, label_text: n.name_en && n.name_ar && !narrow ? `${n.name_ar}\n${n.name_en}` : nameOf(n),
        // hideOverlap ranks labels by their node's size, so the busier actor keeps its name.
        symbolSize: 8 + 22 * Math.sqrt(n.weight / maxW), itemStyle: { color: "#14213d" },
        labelWidth: 6.5 * Math.max(narrow ? 0 : (n.name_en || "").length, (n.name_ar || n.id).length * 0.8),
      }));
      const width = graphBox.clientWidth - 40, height = graphBox.clientHeight - 40;
      place(nodes, net.edges, width, height);
      chart.setOption({
        // Drawn at once: edges growing into place would not be where the reader (or a test) clicks for a second.
        animation: false,
        textStyle: { fontFamily: FONT },
        tooltip: { ...TOOLTIP, formatter: x => x.dataType === "edge"
          ? `${x.data.from} → ${x.data.to}\n${x.data.edge.type} × ${x.data.edge.events}`
          : `${x.data.label_text}\n${x.data.weight} events` },
        series: [{
          type: "graph", layout: "none", roam: true, left: 20, right: 20, top: 20, bottom: 20,
          autoCurveness: true, edgeSymbol: ["none", "arrow"], edgeSymbolSize: 7,
          labelLayout: { hideOverlap: true },
          label: { show: true, position: "bottom", distance: 2, fontSize: 12, lineHeight: 17, color: "#1d2330", textBorderColor: "#fff", textBorderWidth: 3,
            formatter: x => x.data.label_text },
          emphasis: { focus: "adjacency", lineStyle: { opacity: 1 } },
          data: nodes.concat(corners(width, height)),
          edges: net.edges.map(e => ({
            source: e.source, target: e.target, edge: e,
            from: nameOf(net.nodes.find(n => n.id === e.source) || { id: e.source }), to: nameOf(net.nodes.find(n => n.id === e.target) || { id: e.target }),
            lineStyle: { color: TYPE_COLOURS[e.type] || "#777", width: 1 + 7 * Math.sqrt(e.events / maxE), opacity: 0.75 },
          })),
        }],
      }, { notMerge: true });
      graphBox.dataset.nodes = String(net.nodes.length);
      graphBox.dataset.edges = String(net.edges.length);
      graphBox.dataset.minEdge = String(net.edges.length ? Math.min(...net.edges.map(e => e.events)) : 0);
      statusCounts(M.count(net.nodes.length, "فاعل", "actors"), M.count(net.edges.length, "رابط", "edges"));
    } catch (e) { M.setStatus(e.message, true); }
  };

  M.bindForm(form, draw);
  // On a phone the busiest dozen actors are drawn unless more were asked for.
  if (!p.has("top") && graphBox.clientWidth < 600) form.elements.top.value = "12";
  const initial = new URLSearchParams(p);
  if (!initial.has("types")) for (const t of chosen) initial.append("types", t);
  for (const k of ["top", "min_weight"]) if (!initial.has(k)) initial.set(k, form.elements[k].value);
  await draw(initial);
}

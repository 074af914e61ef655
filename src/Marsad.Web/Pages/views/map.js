// The map: the world's countries (Natural Earth 1:50m from the world-atlas package, served by this app) shaded by the
// events located in them, cities as circles sized by their events; a click on either lists its events.
import { feature } from "topojson-client";
import { M, eventPanel, statusCounts, typeOptions } from "./shared.js";
import { chartIn, echarts, FONT, TOOLTIP } from "./echarts.js";

let worldReady = null;

/**
 * A ring that crosses the 180° meridian (eastern Russia, Fiji) would be drawn as a stripe across the whole map: its
 * points west of the line are moved onto it.
 */
function foldAntimeridian(geometry) {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
  for (const polygon of polygons)
    for (const ring of polygon) {
      if (!ring.some(p => p[0] > 170) || !ring.some(p => p[0] < -170)) continue;
      for (const p of ring) if (p[0] < 0) p[0] = 180;
    }
}

/** Registers the country shapes once, named by ISO numeric code (the id the API gives each country). */
function loadWorld() {
  worldReady = worldReady || fetch("/assets/world-50m.json").then(r => {
    if (!r.ok) throw new Error("world map: " + r.status);
    return r.json();
  }).then(topo => {
    const geo = feature(topo, topo.objects.countries);
    // Antarctica takes a fifth of the picture and holds no news.
    geo.features = geo.features.filter(f => f.id !== "010");
    for (const f of geo.features) {
      f.properties = { ...f.properties, ccn3: f.id || "x-" + f.properties.name };
      foldAntimeridian(f.geometry);
    }
    echarts.registerMap("world", geo);
    return new Set(geo.features.map(f => f.properties.ccn3));
  });
  return worldReady;
}

export async function mapPage() {
  const form = document.getElementById("map-form");
  typeOptions(document.getElementById("type-select"));
  const mapBox = document.getElementById("map");
  const chart = chartIn(mapBox);
  M.charts = Object.assign(M.charts || {}, { map: chart });
  const panelBox = document.getElementById("place-panel");
  const panel = eventPanel(panelBox, document.getElementById("place-title"), document.getElementById("place-events"), document.getElementById("place-more"));
  let query = null;

  chart.on("click", async e => {
    const d = e.data;
    if (!d || !d.events) return;
    const q = new URLSearchParams(query);
    for (const k of ["country", "place", "place_country"]) q.delete(k);
    q.set("place_country", d.country);
    if (d.place) q.set("place", d.place);
    try {
      await panel.show([M.gloss(d.name_ar, d.name_en), " ", M.count(d.events, "حدث", "events")], "/api/events?" + q.toString());
      panelBox.dataset.place = d.place ? `${d.place}|${d.country}` : d.country;
    } catch (err) { M.setStatus(err.message, true); }
  });

  const draw = async q => {
    query = q;
    M.setStatus("…");
    try {
      const [shapes, m] = await Promise.all([loadWorld(), M.api("/api/map?" + q.toString())]);
      const label = x => x.name_ar && x.name_en ? `${x.name_ar} · ${x.name_en}` : x.name_en || x.name_ar || x.country;
      const countries = m.countries.map(c => ({ name: c.ccn3, value: c.events, events: c.events, country: c.country, name_en: c.name_en, name_ar: c.name_ar }));
      // Every other shape gets a 0, below the colour scale, so it is drawn grey (a shape with no value would take the palette's colour).
      const counted = new Set(countries.map(c => c.name));
      const empty = [...shapes].filter(s => !counted.has(s)).map(s => ({ name: s, value: 0, events: 0 }));
      // A country too small for a shape at this scale is a diamond at its capital.
      const tiny = m.countries.filter(c => !shapes.has(c.ccn3) && c.lat != null)
        .map(c => ({ name: c.country, value: [c.lon, c.lat, c.events], events: c.events, country: c.country, name_en: c.name_en, name_ar: c.name_ar }));
      const cities = m.places.map(p => ({ name: p.name_en, value: [p.lon, p.lat, p.events], events: p.events, country: p.country, place: p.name_en,
        name_en: p.name_en, name_ar: p.name_ar }));
      const maxCountry = Math.max(1, ...countries.map(c => c.value)), maxCity = Math.max(1, ...cities.map(c => c.events));
      chart.setOption({
        // Drawn at once: circles growing into place would leave the country under a click for a moment.
        animation: false,
        textStyle: { fontFamily: FONT },
        tooltip: { ...TOOLTIP, formatter: x => x.data && x.data.events ? `${label(x.data)}\n${x.data.events} events` : "" },
        visualMap: { type: "continuous", min: 1, max: maxCountry, seriesIndex: 0, left: 8, bottom: 8, itemHeight: 90, calculable: false,
          text: [String(maxCountry), "1"], inRange: { color: ["#d6e4f5", "#0b5cab"] }, outOfRange: { color: "#eeeeee" } },
        geo: { map: "world", nameProperty: "ccn3", roam: true, scaleLimit: { min: 1, max: 24 }, top: 8, bottom: 8,
          itemStyle: { areaColor: "#f0f0f0", borderColor: "#9aa1ad", borderWidth: 0.5 }, label: { show: false },
          emphasis: { label: { show: false }, itemStyle: { areaColor: "#ffd54a" } }, select: { disabled: true } },
        series: [
          { type: "map", geoIndex: 0, data: countries.concat(empty) },
          { type: "scatter", coordinateSystem: "geo", data: cities, symbolSize: x => 5 + 16 * Math.sqrt(x[2] / maxCity),
            itemStyle: { color: "#d64545", borderColor: "#fff", borderWidth: 1, opacity: 0.85 }, zlevel: 1 },
          { type: "scatter", coordinateSystem: "geo", data: tiny, symbol: "diamond", symbolSize: 9, itemStyle: { color: "#0b5cab", borderColor: "#fff" }, zlevel: 1 },
        ],
      }, { notMerge: true });
      mapBox.dataset.places = String(cities.length);
      mapBox.dataset.countries = String(countries.length);
      statusCounts(M.count(m.located, "حدث له مكان", "located events"), M.count(cities.length, "مدينة", "cities"),
        M.count(countries.length, "بلد", "countries"), ...(m.unplaced ? [M.count(m.unplaced, "بلا إحداثيات", "not placed")] : []));
    } catch (e) { M.setStatus(e.message, true); }
  };

  const p = M.bindForm(form, draw);
  if (p.get("actor_id")) form.elements.actor.value = p.get("actor_id");
  await draw(p);
}

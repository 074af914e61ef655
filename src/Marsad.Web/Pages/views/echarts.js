// The parts of ECharts the pages use (tree-shaken by esbuild), and the settings every chart shares.
import * as echarts from "echarts/core";
import { BarChart, GraphChart, MapChart, ScatterChart } from "echarts/charts";
import { DataZoomComponent, GeoComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([BarChart, GraphChart, MapChart, ScatterChart, DataZoomComponent, GeoComponent, GridComponent, LegendComponent,
  TooltipComponent, VisualMapComponent, CanvasRenderer]);

export { echarts };

export const FONT = '"Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "DejaVu Sans", sans-serif';

/** One colour per PLOVER type, the same on every chart. */
export const TYPE_COLOURS = { CONSULT: "#3a7bd5", AGREE: "#2e9e5b", COOPERATE: "#1f7a4a", SUPPORT: "#48a868", AID: "#7cc47f", REQUEST: "#8a6bd1",
  ACCUSE: "#d64545", REJECT: "#c0772b", THREATEN: "#b3261e", SANCTION: "#e08a00", COERCE: "#9c2f2f", ASSAULT: "#7a1010", PROTEST: "#a05a9e" };

/**
 * Tooltips drawn by the chart itself (richText), never as HTML: store text cannot become markup, and nothing needs the
 * inline styles the page's Content-Security-Policy refuses.
 */
export const TOOLTIP = { renderMode: "richText", confine: true, textStyle: { fontFamily: FONT } };

/** Creates (or reuses) the chart in a container and keeps it sized to it. */
export function chartIn(container) {
  const chart = echarts.getInstanceByDom(container) || echarts.init(container, null, { renderer: "canvas" });
  if (!container.dataset.sized) {
    container.dataset.sized = "1";
    new ResizeObserver(() => chart.resize()).observe(container);
  }
  return chart;
}

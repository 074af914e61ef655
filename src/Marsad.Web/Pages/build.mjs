// Builds the front-end bundle of the timeline, network and map pages: our modules in views/ with the npm libraries
// they import (ECharts, topojson-client), bundled and minified by esbuild into OUT/views.js, plus the world's country
// shapes (world-atlas, Natural Earth 1:50m as TopoJSON) copied to OUT/world-50m.json for the map page to fetch.
// Run by the Marsad.Web build (MSBuild target BuildViews) after `npm ci`; usage: node build.mjs OUT_DIR
import { build } from "esbuild";
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(process.argv[2] || path.join(here, "bundle"));
await mkdir(out, { recursive: true });
await build({
  entryPoints: [path.join(here, "views", "index.js")],
  outfile: path.join(out, "views.js"),
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  // Licence comments of the bundled libraries are kept at the end of the file.
  legalComments: "eof",
  logLevel: "warning",
});
await copyFile(path.join(here, "node_modules", "world-atlas", "countries-50m.json"), path.join(out, "world-50m.json"));

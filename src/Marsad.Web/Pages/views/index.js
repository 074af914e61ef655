// The chart pages: each adds itself to app.js's page table, which runs the page once the document is parsed.
import { M } from "./shared.js";
import { timelinePage } from "./timeline.js";
import { networkPage } from "./network.js";
import { mapPage } from "./map.js";

Object.assign(M.PAGES, { timeline: timelinePage, network: networkPage, map: mapPage });

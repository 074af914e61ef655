// The helpers of /assets/app.js (loaded first, on every page): DOM building from text only, API calls, forms.
export const M = window.Marsad;

/** Events of one selection (an edge, a place): fetched page by page into a list, with a More button. */
export function eventPanel(panel, title, list, more) {
  let path = null, offset = 0;
  const load = async append => {
    const body = await M.api(path + "&limit=50&offset=" + (append ? offset : 0));
    if (!append) list.replaceChildren();
    for (const ev of body.items) list.append(M.eventItem(ev));
    offset = body.next_offset ?? 0;
    if (more) more.hidden = body.next_offset == null;
    list.dataset.count = String(list.childElementCount);
    return body;
  };
  if (more) more.addEventListener("click", () => load(true).catch(e => M.setStatus(e.message, true)));
  return {
    /** Shows the events at `apiPath` (an /api/events URL with its filters) under a heading. */
    async show(heading, apiPath) {
      path = apiPath;
      title.replaceChildren(...heading);
      panel.hidden = false;
      list.dataset.count = "";
      const body = await load(false);
      panel.scrollIntoView({ block: "nearest" });
      return body;
    },
  };
}

/** Fills the event-type select of a form. */
export function typeOptions(select) {
  for (const t of M.EVENT_TYPES) select.append(M.el("option", { value: t }, `${M.TYPE_AR[t]} · ${t}`));
}

/** Puts counts (M.count elements and text) into the page's status line, each count isolated for either direction. */
export function statusCounts(...parts) {
  const s = document.getElementById("status");
  s.className = "muted";
  s.replaceChildren(...parts.flatMap((x, i) => i ? [" · ", x] : [x]));
}

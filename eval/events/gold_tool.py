#!/usr/bin/env python3
"""Tools for the event gold (marsad-gold/1) annotated on the dev corpus; see docs/annotation-guide.md.

  gold_tool.py show ID [ID ...]          print an article for annotation (date, outlet, title, numbered paragraphs)
  gold_tool.py check FILE [FILE ...]     validate annotation files; exit 1 on any error
  gold_tool.py build                     merge the final annotations into eval/events/tune.json, check.json, check2.json
  gold_tool.py agree [--out FILE]        inter-annotator agreement on the double-annotated articles

Annotation files live in eval/events/annotations/<annotator>/<id>.json. `build` takes each article's first
annotator's file, or eval/events/annotations/adjudicated/<id>.json where an adjudicated version exists, turns the
evidence/trigger/date_text strings into character offsets in the article text, and writes one gold file per half."""
import json, os, re, sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("MARSAD_SHARED", os.path.join(HERE, "../../../shared"))
ARTICLES = os.path.join(SHARED, "data/news/dev/articles.jsonl")
ANNOTATIONS = os.path.join(HERE, "annotations")
TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
MODALITIES = {"asserted", "planned", "proposed", "possible"}
KINDS = {"person", "organization", "country"}
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

def load_modes():
    modes = defaultdict(set)
    with open(os.path.join(SHARED, "data/events/plover_modes.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            t, m = line.split("\t")[:2]
            modes[t].add(m)
    return modes

def load_articles(ids=None):
    out = {}
    with open(ARTICLES, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if ids is None or r["id"] in ids:
                out[r["id"]] = r
    return out

def load_sample():
    with open(os.path.join(HERE, "sample.json"), encoding="utf-8") as f:
        return json.load(f)["articles"]

def published(article):
    return article["date"][:10]

def show(ids):
    arts = load_articles(set(ids))
    for i in ids:
        a = arts.get(i)
        if a is None:
            print(f"{i}: not in {ARTICLES}"); continue
        print(f"=== {a['id']}  outlet {a['source']}  section {a['category']}  published {published(a)} "
              f"(record date {a['date']})")
        print(f"title: {a['title']}")
        offset = 0
        for n, para in enumerate(a["text"].split("\n"), 1):
            if para.strip():
                print(f"[{n}] @{offset} {para}")
            offset += len(para) + 1
        print()

def find_span(text, needle, within=None):
    """Offsets of needle in text (inside the `within` span when given); None when absent. A run of whitespace in the
    needle matches any run of whitespace in the text (articles hold no-break spaces that a copy turns into spaces)."""
    if not needle:
        return None
    lo, hi = within if within else (0, len(text))
    i = text.find(needle, lo, hi)
    if i >= 0:
        return (i, i + len(needle))
    pattern = r"\s+".join(re.escape(part) for part in needle.split())
    m = re.compile(pattern).search(text, lo, hi) if pattern else None
    return (m.start(), m.end()) if m else None

def check_file(path, modes, arts=None):
    errors = []
    try:
        with open(path, encoding="utf-8") as f:
            ann = json.load(f)
    except Exception as e:  # noqa: BLE001 - report any unreadable file as one error line
        return [f"{path}: not valid JSON: {e}"], None
    aid = ann.get("id") or os.path.splitext(os.path.basename(path))[0]
    art = (arts or load_articles({aid})).get(aid)
    if art is None:
        return [f"{path}: article {aid} is not in the dev corpus"], None
    text = art["text"]
    def err(msg): errors.append(f"{path}: {msg}")
    actors = {}
    for a in ann.get("actors", []):
        if not ID_RE.match(a.get("id", "")): err(f"actor id {a.get('id')!r} is not a lowercase slug")
        if a.get("kind") not in KINDS: err(f"actor {a.get('id')}: kind {a.get('kind')!r} not in {sorted(KINDS)}")
        c = a.get("country")
        if not (isinstance(c, str) and (re.match(r"^[A-Z]{3}$", c))): err(f"actor {a.get('id')}: country {c!r} must be 3 capital letters (ISO alpha-3, IGO or NSA)")
        if not a.get("english"): err(f"actor {a.get('id')}: english name missing")
        if not a.get("arabic") or not isinstance(a["arabic"], list): err(f"actor {a.get('id')}: arabic must be a non-empty list")
        if a.get("id") in actors: err(f"actor {a['id']} listed twice")
        actors[a.get("id")] = a
    for k, e in enumerate(ann.get("events", [])):
        w = f"event {k + 1} ({e.get('type')})"
        if e.get("type") not in TYPES: err(f"{w}: type not in PLOVER types")
        m = e.get("mode")
        if m is not None and m not in modes.get(e.get("type"), ()): err(f"{w}: mode {m!r} is not a mode of {e.get('type')} (allowed: {sorted(modes.get(e.get('type'), []))} or null)")
        for t in e.get("alt_types") or []:
            if t not in TYPES: err(f"{w}: alt_type {t!r} not a PLOVER type")
        if not re.match(r"^\d{2,4}$", str(e.get("cameo") or "")): err(f"{w}: cameo {e.get('cameo')!r} must be 2-4 digits")
        src, tgt = e.get("source"), e.get("target")
        if not isinstance(src, list) or not isinstance(tgt, list): err(f"{w}: source and target must be lists"); continue
        for x in src + tgt:
            if x not in actors: err(f"{w}: actor {x!r} not in actors")
        if set(src) & set(tgt): err(f"{w}: an actor is both source and target")
        if not src and not tgt: err(f"{w}: no actor at all (an event needs at least one identifiable actor)")
        if e.get("modality") not in MODALITIES: err(f"{w}: modality {e.get('modality')!r} not in {sorted(MODALITIES)} (negated/hypothetical go to must_not)")
        ev = find_span(text, e.get("evidence"))
        if ev is None: err(f"{w}: evidence is not an exact substring of the text: {e.get('evidence')!r}")
        elif find_span(text, e.get("trigger"), ev) is None: err(f"{w}: trigger {e.get('trigger')!r} is not inside the evidence")
        d = e.get("date")
        if d is not None:
            if not DATE_RE.match(d): err(f"{w}: date {d!r} must be YYYY, YYYY-MM or YYYY-MM-DD")
            if not e.get("date_text"): err(f"{w}: a date needs the date_text it comes from")
            if e.get("modality") == "asserted" and d[:len(published(art))] > published(art)[:len(d)]:
                err(f"{w}: an asserted event dated {d} after publication {published(art)}")
        if e.get("date_text") and find_span(text, e["date_text"]) is None: err(f"{w}: date_text not in the text: {e['date_text']!r}")
        loc = e.get("location")
        if loc is not None and not (isinstance(loc, dict) and loc.get("arabic") and loc.get("country")):
            err(f"{w}: location must be null or {{arabic, english, country}}")
    for k, n in enumerate(ann.get("must_not", [])):
        if n.get("type") not in TYPES: err(f"must_not {k + 1}: type not in PLOVER types")
        for side in ("source", "target"):
            if n.get(side) not in actors: err(f"must_not {k + 1}: {side} {n.get(side)!r} must be an actor id in actors")
        if not n.get("why"): err(f"must_not {k + 1}: say why")
    for k, q in enumerate(ann.get("quotes", [])):
        if q.get("speaker") is not None and q["speaker"] not in actors: err(f"quote {k + 1}: speaker {q['speaker']!r} not in actors")
        if find_span(text, q.get("starts_with")) is None: err(f"quote {k + 1}: starts_with is not an exact substring of the text: {q.get('starts_with')!r}")
        if not isinstance(q.get("direct"), bool): err(f"quote {k + 1}: direct must be true or false")
    return errors, ann

def check(paths):
    modes, bad = load_modes(), 0
    for p in paths:
        errors, ann = check_file(p, modes)
        for e in errors: print(e)
        bad += bool(errors)
        if not errors:
            print(f"{p}: ok ({len(ann.get('events', []))} events, {len(ann.get('must_not', []))} must_not, {len(ann.get('quotes', []))} quotes)")
    return 1 if bad else 0

def annotation_path(annotator, aid):
    return os.path.join(ANNOTATIONS, annotator, aid + ".json")

def to_gold_document(ann, art):
    """One annotation file -> one marsad-gold/1 document, with character offsets for the strings."""
    text = art["text"]
    events = []
    for e in ann.get("events", []):
        ev = find_span(text, e["evidence"])
        tr = find_span(text, e["trigger"], ev)
        g = {k: e.get(k) for k in ("type", "mode", "cameo", "source", "target", "date", "date_text", "location",
                                   "modality", "topics", "trigger", "optional")}
        g["optional"] = bool(g["optional"]); g["topics"] = g["topics"] or []
        if e.get("alt_types"): g["alt_types"] = e["alt_types"]
        if e.get("note"): g["note"] = e["note"]
        g["evidence_span"] = list(ev); g["trigger_span"] = list(tr)
        if e.get("date_text"): g["date_span"] = list(find_span(text, e["date_text"]))
        events.append(g)
    quotes = []
    for q in ann.get("quotes", []):
        s = find_span(text, q["starts_with"])
        quotes.append({"speaker": q.get("speaker"), "starts_with": q["starts_with"], "direct": q["direct"],
                       "via": q.get("via"), "start": s[0]})
    return {"file": art["id"], "id": art["id"], "outlet": art["source"], "section": art["category"],
            "published": published(art), "title": art["title"], "annotator": ann.get("annotator"),
            "events": events, "must_not": ann.get("must_not", []), "quotes": quotes,
            "notes": ann.get("notes", "")}

def merge_actors(table, ann, where):
    """Adds the file's actors to the gold's one table. An id already defined with another country or kind is renamed
    in this file (id--country) so that each document keeps the meaning its annotator gave."""
    renames = {}
    for a in ann.get("actors", []):
        aid, old = a["id"], table.get(a["id"])
        if old is not None and (old["country"] != a["country"] or old["kind"] != a["kind"]):
            aid = f"{a['id']}--{(a['country'] or 'x').lower()}-{a['kind']}"
            renames[a["id"]] = aid
            print(f"note: actor {a['id']} in {where} is {a['country']}/{a['kind']}, elsewhere {old['country']}/{old['kind']}: kept as {aid}", file=sys.stderr)
            old = table.get(aid)
        if old is None:
            table[aid] = {k: a.get(k) for k in ("english", "arabic", "country", "kind", "role")}
            table[aid]["id"] = aid
            table[aid]["arabic"] = list(a["arabic"])
        else:
            for v in a["arabic"]:
                if v not in old["arabic"]: old["arabic"].append(v)
    if renames:
        r = lambda x: renames.get(x, x)
        for e in ann.get("events", []):
            e["source"] = [r(x) for x in e["source"]]; e["target"] = [r(x) for x in e["target"]]
        for n in ann.get("must_not", []):
            n["source"], n["target"] = r(n["source"]), r(n["target"])
        for q in ann.get("quotes", []):
            q["speaker"] = r(q.get("speaker"))

def build():
    sample, modes = load_sample(), load_modes()
    arts = load_articles({r["id"] for r in sample})
    halves = {h: ([], {}) for h in sorted({r["half"] for r in sample})}
    missing, failed = [], []
    for r in sample:
        adj = annotation_path("adjudicated", r["id"])
        path = adj if os.path.exists(adj) else annotation_path(r["annotator"], r["id"])
        if not os.path.exists(path):
            missing.append(r["id"]); continue
        errors, ann = check_file(path, modes, arts)
        if errors:
            failed.append(r["id"]); print("\n".join(errors), file=sys.stderr); continue
        docs, table = halves[r["half"]]
        merge_actors(table, ann, path)
        docs.append(to_gold_document(ann, arts[r["id"]]))
    for half, (docs, table) in halves.items():
        gold = {"schema": "marsad-gold/1",
                "about": f"The {half} half of the event gold on shared/data/news/dev: annotated blind by "
                         "docs/annotation-guide.md; made by eval/events/gold_tool.py build (see eval/events/README.md). "
                         "Article text stays in shared/; spans are character offsets into each article's text.",
                "articles": "../shared/data/news/dev/articles.jsonl",
                "actors": sorted(table.values(), key=lambda a: a["id"]), "documents": docs}
        with open(os.path.join(HERE, f"{half}.json"), "w", encoding="utf-8") as f:
            json.dump(gold, f, ensure_ascii=False, indent=1); f.write("\n")
        n_ev = sum(len(d["events"]) for d in docs)
        print(f"{half}: {len(docs)} documents, {n_ev} events, {sum(len(d['quotes']) for d in docs)} quotes, "
              f"{sum(len(d['must_not']) for d in docs)} must_not, {len(table)} actors")
    if missing: print(f"missing annotations: {len(missing)} ({' '.join(missing[:10])}{' …' if len(missing) > 10 else ''})")
    if failed: print(f"annotations with errors (left out): {len(failed)}"); return 1
    return 0

# --- agreement: the scorer's own matching rules, with annotator B's events standing in for a system's ---
def _norm_ar(s):
    """The shared scorer's Arabic folding (tools/score_events.py), so agreement matches names as scoring does."""
    global _scorer_norm_ar
    if _scorer_norm_ar is None:
        import importlib.util
        spec = importlib.util.spec_from_file_location("score_events", os.path.join(SHARED, "tools/score_events.py"))
        module = importlib.util.module_from_spec(spec); spec.loader.exec_module(module)
        _scorer_norm_ar = module.norm_ar
    return _scorer_norm_ar(s)

_scorer_norm_ar = None

def _same_actor(a, b, level):
    if level == "country" or a["kind"] == "country" or b["kind"] == "country":
        return a["country"] == b["country"] and (level == "country" or a["kind"] == b["kind"] == "country" or a["id"] == b["id"])
    if a["id"] == b["id"]: return True
    return any(_norm_ar(x) == _norm_ar(y) for x in a["arabic"] for y in b["arabic"])

def _side_ok(ga, sa, A, B, level):
    return all(any(_same_actor(A[g], B[s], level) for s in sa) for g in ga)

def _event_ok(g, s, A, B, level, typed=True):
    if typed and s["type"] not in [g["type"]] + (g.get("alt_types") or []) and g["type"] not in [s["type"]] + (s.get("alt_types") or []):
        return False
    if g["type"] == "CONSULT":
        return _side_ok(g["source"] + g["target"], s["source"] + s["target"], A, B, level)
    return _side_ok(g["source"], s["source"], A, B, level) and _side_ok(g["target"], s["target"], A, B, level)

def _pairs(ga, sb, A, B, level, typed=True):
    used, pairs = set(), []
    for gi, g in enumerate(ga):
        for si, s in enumerate(sb):
            if si not in used and _event_ok(g, s, A, B, level, typed):
                used.add(si); pairs.append((gi, si)); break
    return pairs

def agree(out_path=None):
    sample, modes = load_sample(), load_modes()
    arts = load_articles({r["id"] for r in sample})
    totals = defaultdict(lambda: [0, 0, 0])   # key -> [matched, n_a, n_b]
    by_type = defaultdict(lambda: [0, 0, 0])
    quotes, n_docs, rows = [0, 0, 0, 0], 0, []
    for r in sample:
        if "second_annotator" not in r: continue
        pa, pb = annotation_path(r["annotator"], r["id"]), annotation_path(r["second_annotator"], r["id"])
        if not (os.path.exists(pa) and os.path.exists(pb)): continue
        ea, a = check_file(pa, modes, arts); eb, b = check_file(pb, modes, arts)
        if ea or eb: continue
        n_docs += 1
        A = {x["id"]: x for x in a["actors"]}; B = {x["id"]: x for x in b["actors"]}
        ev_a = [e for e in a["events"] if not e.get("optional")]
        ev_b = [e for e in b["events"] if not e.get("optional")]
        for level, typed in (("actor", True), ("country", True), ("untyped-actor", False)):
            lv = "actor" if level == "untyped-actor" else level
            m = len(_pairs(ev_a, ev_b, A, B, lv, typed))
            t = totals[level]; t[0] += m; t[1] += len(ev_a); t[2] += len(ev_b)
        m_trig = _pairs(ev_a, ev_b, A, B, "country", True)
        # by type: a matched pair counts under A's type on both sides; unmatched events under their own type
        typed_pairs = _pairs(ev_a, ev_b, A, B, "actor", True)
        hit_a, hit_b = {gi for gi, _ in typed_pairs}, {si for _, si in typed_pairs}
        for gi, _ in typed_pairs:
            t = by_type[ev_a[gi]["type"]]; t[0] += 1; t[1] += 1; t[2] += 1
        for i, e in enumerate(ev_a):
            if i not in hit_a: by_type[e["type"]][1] += 1
        for i, e in enumerate(ev_b):
            if i not in hit_b: by_type[e["type"]][2] += 1
        # quotes: same opening (first 4 normalized words) counts as the same quote; speaker compared by actor
        qa = {" ".join(_norm_ar(q["starts_with"]).split()[:4]): q for q in a.get("quotes", [])}
        qb = {" ".join(_norm_ar(q["starts_with"]).split()[:4]): q for q in b.get("quotes", [])}
        both = set(qa) & set(qb)
        quotes[0] += len(both); quotes[1] += len(qa); quotes[2] += len(qb)
        for k in both:
            sa, sb = qa[k].get("speaker"), qb[k].get("speaker")
            quotes[3] += (sa is None and sb is None) or (sa is not None and sb is not None and _same_actor(A[sa], B[sb], "actor"))
        rows.append((r["id"], len(ev_a), len(ev_b), len(_pairs(ev_a, ev_b, A, B, "actor")), len(m_trig)))
    def f1(m, na, nb):
        return (2 * m / (na + nb)) if na + nb else 1.0
    lines = [f"double-annotated articles compared: {n_docs}",
             "| level | matched | events A | events B | F1 (A vs B) |", "|---|---:|---:|---:|---:|"]
    for level in ("actor", "country", "untyped-actor"):
        m, na, nb = totals[level]
        lines.append(f"| {level} | {m} | {na} | {nb} | {f1(m, na, nb):.3f} |")
    lines += ["", "| type | matched (actor level) | A | B | F1 |", "|---|---:|---:|---:|---:|"]
    for t in sorted(by_type, key=lambda t: -(by_type[t][1] + by_type[t][2])):
        m, na, nb = by_type[t]
        lines.append(f"| {t} | {m} | {na} | {nb} | {f1(m, na, nb):.3f} |")
    m, na, nb, sp = quotes
    lines += ["", f"quotes: {m} found by both of {na} (A) and {nb} (B), F1 {f1(m, na, nb):.3f}; "
                  f"same speaker on {sp} of {m} shared quotes"]
    lines += ["", "| article | events A | events B | matched (actor) | matched (country) |", "|---|---:|---:|---:|---:|"]
    lines += [f"| {i} | {x} | {y} | {z} | {w} |" for i, x, y, z, w in rows]
    text = "\n".join(lines)
    print(text)
    if out_path:
        with open(out_path, "w", encoding="utf-8") as f: f.write(text + "\n")
    return 0

def main(argv):
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        print(__doc__); return 0
    cmd, rest = argv[1], argv[2:]
    if cmd == "show": show(rest); return 0
    if cmd == "check": return check(rest)
    if cmd == "build": return build()
    if cmd == "agree": return agree(rest[rest.index("--out") + 1] if "--out" in rest else None)
    print(f"unknown command {cmd!r}; see --help"); return 2

if __name__ == "__main__":
    sys.exit(main(sys.argv))

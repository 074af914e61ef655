#!/usr/bin/env python3
"""Draw the event-gold sample from the dev corpus: 200 articles, stratified by outlet, with a fixed seed.

usage: python3 eval/events/draw_sample.py [--articles PATH] [--out eval/events/sample.json]

Allocation is proportional to each outlet's share of the corpus (largest remainder). Inside an outlet the
candidates are sorted by id and drawn with random.Random(SEED). An article whose text is byte-identical to one
already drawn is skipped and replaced by the next draw, so no text is annotated twice by accident. Sports,
economy and other sections stay in: users' feeds have them.

The same run assigns the tune/check split (150/50, stratified by outlet through a second seeded shuffle),
the 30 articles annotated twice for agreement, and the annotator of each article (a1..a7), so the whole plan
is reproducible from this file.

Later waves (WAVES: seed, size, annotators[, half]) add tune articles, or a second held-out set (check2), each drawn
the same way with its own seed from the articles the earlier waves left (and texts they did not already hold), each
article annotated once under the guideline with its section-13 rulings. Earlier rows never change; the check half
does not grow."""
import argparse, json, os, random, sys
from collections import defaultdict

SEED = 20261207          # the sample
SPLIT_SEED = 20261208    # tune / check
DOUBLE_SEED = 20261209   # which articles get a second annotation
SAMPLE_SIZE, CHECK_SIZE, DOUBLE_SIZE, ANNOTATORS = 200, 50, 30, 7
# later waves: (seed, articles, annotators[, half]); the half is tune unless named
WAVES = [(20261210, 90, ["a8", "a9", "a10"]), (20261211, 120, ["a11", "a12", "a13", "a14"]),
         (20261212, 180, ["a15", "a16", "a17", "a18", "a19", "a20"]), (20261213, 180, ["a21", "a22", "a23", "a24", "a25", "a26"]),
         (20261214, 240, ["a27", "a28", "a29", "a30", "a31", "a32", "a33", "a34"]),
         # a second held-out set (check2): check's 50 articles and 105 events cannot tell apart changes of a few points
         (20261215, 120, ["a35", "a36", "a37", "a38"], "check2"), (20261216, 120, ["a39", "a40", "a41", "a42"]),
         (20261217, 240, ["a43", "a44", "a45", "a46", "a47", "a48", "a49", "a50"])]

def allocate(counts, total):
    n = sum(counts.values())
    exact = {k: total * v / n for k, v in counts.items()}
    alloc = {k: int(x) for k, x in exact.items()}
    for k in sorted(exact, key=lambda k: (-(exact[k] - alloc[k]), k))[: total - sum(alloc.values())]:
        alloc[k] += 1
    return alloc

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", default=os.path.join(here, "../../../shared/data/news/dev/articles.jsonl"))
    ap.add_argument("--out", default=os.path.join(here, "sample.json"))
    a = ap.parse_args()
    by_outlet = defaultdict(list)
    with open(a.articles, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            by_outlet[r["source"]].append(r)
    alloc = allocate({k: len(v) for k, v in by_outlet.items()}, SAMPLE_SIZE)
    rng, seen_text, drawn = random.Random(SEED), set(), []
    for outlet in sorted(by_outlet):
        pool = sorted(by_outlet[outlet], key=lambda r: r["id"])
        order = rng.sample(range(len(pool)), len(pool))
        taken = 0
        for i in order:
            if taken == alloc[outlet]: break
            r = pool[i]
            if r["text"] in seen_text: continue
            seen_text.add(r["text"]); drawn.append(r); taken += 1
    # tune / check: shuffle inside each outlet, then deal outlets round-robin into check until it has 50
    srng = random.Random(SPLIT_SEED)
    check_alloc = allocate({o: alloc[o] for o in alloc if alloc[o]}, CHECK_SIZE)
    check = set()
    for outlet in sorted(check_alloc):
        ids = sorted(r["id"] for r in drawn if r["source"] == outlet)
        check.update(srng.sample(ids, check_alloc[outlet]))
    drawn.sort(key=lambda r: r["id"])
    double = set(random.Random(DOUBLE_SEED).sample([r["id"] for r in drawn], DOUBLE_SIZE))
    rows = []
    for i, r in enumerate(drawn):
        first = f"a{i % ANNOTATORS + 1}"
        row = {"id": r["id"], "source": r["source"], "category": r["category"], "date": r["date"],
               "chars": len(r["text"]), "half": "check" if r["id"] in check else "tune", "annotator": first}
        if r["id"] in double:
            row["second_annotator"] = f"a{(i + 3) % ANNOTATORS + 1}"   # never the first one
        rows.append(row)
    # later waves: the same stratified draw over what the earlier ones left, one annotator each
    taken_ids = {r["id"] for r in drawn}
    for wave, (wave_seed, size, annotators, *named) in enumerate(WAVES, 2):
        half = named[0] if named else "tune"
        left = {o: [r for r in v if r["id"] not in taken_ids] for o, v in by_outlet.items()}
        wave_alloc = allocate({k: len(v) for k, v in left.items()}, size)
        wrng, extra = random.Random(wave_seed), []
        for outlet in sorted(left):
            pool = sorted(left[outlet], key=lambda r: r["id"])
            taken = 0
            for i in wrng.sample(range(len(pool)), len(pool)):
                if taken == wave_alloc[outlet]: break
                r = pool[i]
                if r["text"] in seen_text: continue
                seen_text.add(r["text"]); extra.append(r); taken_ids.add(r["id"]); taken += 1
        extra.sort(key=lambda r: r["id"])
        for i, r in enumerate(extra):
            rows.append({"id": r["id"], "source": r["source"], "category": r["category"], "date": r["date"],
                         "chars": len(r["text"]), "half": half, "annotator": annotators[i % len(annotators)], "wave": wave})
    out = {"about": "Event-gold sample drawn by eval/events/draw_sample.py from shared/data/news/dev/articles.jsonl",
           "seeds": {"sample": SEED, "split": SPLIT_SEED, "double": DOUBLE_SEED, "waves": [w[0] for w in WAVES]}, "articles": rows}
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1); f.write("\n")
    halves = defaultdict(int)
    for r in rows: halves[r["half"]] += 1
    print(f"{len(rows)} articles ({dict(halves)}), {len(double)} double-annotated -> {a.out}", file=sys.stderr)

if __name__ == "__main__":
    main()

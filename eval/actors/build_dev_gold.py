#!/usr/bin/env python3
"""Turns eval/actors/annotations.tsv into eval/actors/dev_gold.jsonl (mention offsets in the dev articles).

Every occurrence of an annotated surface form in its article becomes a gold mention: letters folded the way the linker
folds them (hamza forms, ى/ي, ة/ه, diacritics), whole words, with the proclitics و ف ب ل ك (and لل = ل + ال) allowed
before it. Longer forms are placed first and mentions never overlap. The article text is read from
../shared/data/news/dev/articles.jsonl and never copied into the repository.

Usage (from the repo root): python3 eval/actors/build_dev_gold.py
"""
import json, os, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..'))
CORPUS = os.path.join(ROOT, '..', 'shared', 'data', 'news', 'dev', 'articles.jsonl')
ACTORS = os.path.join(ROOT, 'src', 'Marsad.Analysis', 'Resources', 'actors', 'actors.tsv')

FOLD = {'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ئ': 'ي', 'ؤ': 'و', 'ة': 'ه'}
def fold(s):
    out, idx = [], []
    for i, c in enumerate(s):
        if '\u064b' <= c <= '\u065f' or c in '\u0640\u0670\u200c\u200d\u200e\u200f':
            continue
        out.append(FOLD.get(c, c).lower()); idx.append(i)
    return ''.join(out).replace('اميرك', 'امريك'), idx

def wordchar(c):
    return c.isalnum() or '\u0621' <= c <= '\u065f'

def occurrences(text, form):
    ft, idx = fold(text)
    ff, _ = fold(form)
    found = []
    for variant, need_lam in ((ff, False), (ff[1:] if ff.startswith('ال') else None, True)):
        if not variant:
            continue
        start = 0
        while True:
            p = ft.find(variant, start)
            if p < 0:
                break
            end = p + len(variant)
            start = end
            if end < len(ft) and wordchar(ft[end]):
                continue
            q = p
            if need_lam:
                if q == 0 or ft[q - 1] != 'ل':
                    continue
                q -= 1
            while q > 0 and p - q < 3 and ft[q - 1] in 'وفبلك':
                q -= 1
            if q > 0 and wordchar(ft[q - 1]):
                continue
            found.append((idx[p], idx[end - 1] + 1))
    return found

def main():
    known = set()
    with open(ACTORS, encoding='utf-8') as f:
        for line in f:
            if not line.startswith('#'):
                known.add(line.split('\t', 1)[0])
    rows = {}
    order = []
    with open(os.path.join(HERE, 'annotations.tsv'), encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            art, surface, actor, typ = line.split('\t')
            if not actor.startswith('new:') and actor not in known:
                print(f'warning: {art}: unknown actor id {actor}', file=sys.stderr)
            if art not in rows:
                rows[art] = []; order.append(art)
            rows[art].append((surface, actor, typ))
    arts = {}
    with open(CORPUS, encoding='utf-8') as f:
        for line in f:
            a = json.loads(line)
            if a['id'] in rows:
                arts[a['id']] = a
    out = []
    for art in order:
        a = arts[art]
        text = a['text']
        taken = []
        mentions = []
        for surface, actor, typ in sorted(rows[art], key=lambda r: -len(r[0])):
            occ = occurrences(text, surface)
            if not occ:
                print(f'warning: {art}: "{surface}" not found', file=sys.stderr)
            for s, e in occ:
                if any(s < te and ts < e for ts, te in taken):
                    continue
                taken.append((s, e))
                mentions.append({'start': s, 'end': e, 'text': text[s:e], 'actor': actor, 'type': typ})
        mentions.sort(key=lambda m: m['start'])
        out.append({'id': art, 'published': a['date'][:10], 'mentions': mentions})
    with open(os.path.join(HERE, 'dev_gold.jsonl'), 'w', encoding='utf-8', newline='\n') as f:
        for o in out:
            f.write(json.dumps(o, ensure_ascii=False) + '\n')
    print(f'{len(out)} articles, {sum(len(o["mentions"]) for o in out)} mentions', file=sys.stderr)

if __name__ == '__main__':
    main()

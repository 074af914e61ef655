#!/usr/bin/env bash
# Feature-family ablation of the NER tagger on the cross-validation ruler: 5-fold CV over ANERcorp train with every
# family, then once without each family; prints one table row per run (pooled P/R/F1 over the 8,031 train entities
# and the change against all families). Each run takes 1–5 min on two cores; the whole table ≈ 45–60 min.
# Usage: eval/ner-ablation.sh [--seed S] [family ...]   (default: every family; other `ner train` options that take a value, e.g. --epochs 12, are passed on)
set -euo pipefail
export LC_ALL=C
cd "$(dirname "${BASH_SOURCE[0]}")/.."
train="${MARSAD_SHARED:-../shared}/data/ner/anercorp-camel/train.conll"
test -f "$train" || { echo "ner-ablation: $train is missing: clone Marsad beside shared/ or set MARSAD_SHARED"; exit 1; }
opts=() families=()
while (($#)); do
  case "$1" in
    --*) opts+=("$1" "$2"); shift 2 ;;
    *) families+=("$1"); shift ;;
  esac
done
((${#families[@]})) || families=(surface neighbours clitics affixes shape gazetteer triggers clusters taghistory charngrams quotes embeddings topics signatures document)
./marsad ner --help >/dev/null   # build once, before the timed runs

f1_of() { awk '$1 == "overall" { print $5, $6, $7 }' <<<"$1"; }
run() { ./marsad ner train --train "$train" --cross-validate 5 "${opts[@]}" "$@" 2>/dev/null; }

printf '%-12s %7s %7s %7s %7s %6s\n' without P R F1 delta secs
start=$SECONDS
read -r p r base < <(f1_of "$(run)")
printf '%-12s %7s %7s %7s %7s %6d\n' "(none)" "$p" "$r" "$base" "" $((SECONDS - start))
for family in "${families[@]}"; do
  start=$SECONDS
  read -r p r f1 < <(f1_of "$(run --without "$family")")
  printf '%-12s %7s %7s %7s %+7.4f %6d\n' "$family" "$p" "$r" "$f1" "$(awk -v a="$f1" -v b="$base" 'BEGIN { print a - b }')" $((SECONDS - start))
done

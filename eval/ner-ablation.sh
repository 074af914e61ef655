#!/usr/bin/env bash
# Feature-family ablation of the NER tagger on the cross-validation ruler: 5-fold CV over ANERcorp train with every
# family, then once without each family; prints one table row per run (pooled P/R/F1 over the 8,031 train entities
# and the change against all families). Each run takes 1–5 min on two cores; the whole table ≈ 45–60 min.
# Usage: eval/ner-ablation.sh [--seed S] [family ...]   (default: every family; other `ner train` options that take a value, e.g. --epochs 12, are passed on)
source "$(dirname "${BASH_SOURCE[0]}")/ner-lib.sh"
opts=() families=()
while (($#)); do
  case "$1" in
    --*) opts+=("$1" "$2"); shift 2 ;;
    *) families+=("$1"); shift ;;
  esac
done
((${#families[@]})) || families=(surface neighbours clitics affixes shape gazetteer triggers clusters taghistory charngrams quotes embeddings topics signatures document)

# P R F1 of one cross-validation run (a failed run stops the script with its reason).
run() { quiet_marsad ner train --train "$ner_data/train.conll" --cross-validate 5 "${opts[@]}" "$@" >"$ner_log.out"; overall_prf <"$ner_log.out"; }

printf '%-12s %7s %7s %7s %7s %6s\n' without P R F1 delta secs
start=$SECONDS
run >"$ner_log.prf"; read -r p r base <"$ner_log.prf"
printf '%-12s %7s %7s %7s %7s %6d\n' "(none)" "$p" "$r" "$base" "" $((SECONDS - start))
for family in "${families[@]}"; do
  start=$SECONDS
  run --without "$family" >"$ner_log.prf"; read -r p r f1 <"$ner_log.prf"
  printf '%-12s %7s %7s %7s %+7.4f %6d\n' "$family" "$p" "$r" "$f1" "$(awk -v a="$f1" -v b="$base" 'BEGIN { print a - b }')" $((SECONDS - start))
done

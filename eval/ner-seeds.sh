#!/usr/bin/env bash
# How much the NER dev score moves with the training seed alone: trains the default model (every family, two stages)
# once per seed, scores each on ANERcorp dev, and prints one row per seed, then the mean, standard deviation and range
# of F1. A change to the tagger that moves dev F1 by less than about two standard deviations is not a measured effect.
# Each seed takes ≈ 2 min on two cores. Usage: eval/ner-seeds.sh [--seeds "1 2 3 4 5"] [other `ner train` options with a value]
set -euo pipefail
export LC_ALL=C
cd "$(dirname "${BASH_SOURCE[0]}")/.."
data="${MARSAD_SHARED:-../shared}/data/ner/anercorp-camel"
test -f "$data/train.conll" || { echo "ner-seeds: $data/train.conll is missing: clone Marsad beside shared/ or set MARSAD_SHARED"; exit 1; }
seeds="1 2 3 4 5" opts=()
while (($#)); do
  case "$1" in
    --seeds) seeds="$2"; shift 2 ;;
    --*) opts+=("$1" "$2"); shift 2 ;;
    *) echo "ner-seeds: unexpected argument '$1'"; exit 1 ;;
  esac
done
./marsad ner --help >/dev/null   # build once, before the timed runs
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

printf '%-6s %7s %7s %7s %6s\n' seed P R F1 secs
f1s=()
for seed in $seeds; do
  start=$SECONDS
  ./marsad ner train --train "$data/train.conll" --out "$work/model.bin" --seed "$seed" "${opts[@]}" 2>/dev/null >/dev/null
  read -r p r f1 < <(./marsad ner eval --data "$data/dev.conll" --model "$work/model.bin" 2>/dev/null | awk '$1 == "overall" { print $5, $6, $7 }')
  printf '%-6s %7s %7s %7s %6d\n' "$seed" "$p" "$r" "$f1" $((SECONDS - start))
  f1s+=("$f1")
done
printf '%s\n' "${f1s[@]}" | awk '{ s += $1; q += $1 * $1; if (NR == 1 || $1 < lo) lo = $1; if (NR == 1 || $1 > hi) hi = $1 }
  END { m = s / NR; sd = NR > 1 ? sqrt((q - NR * m * m) / (NR - 1)) : 0; printf "F1 mean %.4f, sd %.4f, range %.4f–%.4f over %d seeds\n", m, sd, lo, hi, NR }'

#!/usr/bin/env bash
# How much the NER dev score moves with the training seed alone: trains the default model (every family, two stages)
# once per seed, scores each on ANERcorp dev, and prints one row per seed, then the mean, standard deviation and range
# of F1. A change to the tagger that moves dev F1 by less than about two standard deviations is not a measured effect.
# Each seed takes ≈ 1.5 min on two cores. Usage: eval/ner-seeds.sh [--seeds "1 2 3 4 5"] [other `ner train` options with a value]
source "$(dirname "${BASH_SOURCE[0]}")/ner-lib.sh"
seeds="1 2 3 4 5" opts=()
while (($#)); do
  case "$1" in
    --seeds) seeds="$2"; shift 2 ;;
    --*) opts+=("$1" "$2"); shift 2 ;;
    *) echo "ner-seeds: unexpected argument '$1'"; exit 1 ;;
  esac
done
model="$ner_log.bin"

printf '%-6s %7s %7s %7s %6s\n' seed P R F1 secs
f1s=()
for seed in $seeds; do
  start=$SECONDS
  quiet_marsad ner train --train "$ner_data/train.conll" --out "$model" --seed "$seed" "${opts[@]}" >/dev/null
  quiet_marsad ner eval --data "$ner_data/dev.conll" --model "$model" >"$ner_log.out"
  read -r p r f1 < <(overall_prf <"$ner_log.out")
  printf '%-6s %7s %7s %7s %6d\n' "$seed" "$p" "$r" "$f1" $((SECONDS - start))
  f1s+=("$f1")
done
printf '%s\n' "${f1s[@]}" | awk '{ s += $1; q += $1 * $1; if (NR == 1 || $1 < lo) lo = $1; if (NR == 1 || $1 > hi) hi = $1 }
  END { m = s / NR; sd = NR > 1 ? sqrt((q - NR * m * m) / (NR - 1)) : 0; printf "F1 mean %.4f, sd %.4f, range %.4f–%.4f over %d seeds\n", m, sd, lo, hi, NR }'

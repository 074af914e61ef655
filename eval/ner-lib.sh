# Shared by the eval/ner-*.sh scripts (sourced, not run): the corpus folder, a quiet runner that still shows why a
# step failed, and the overall P R F1 of a `ner train --cross-validate` or `ner eval` table.
set -euo pipefail
export LC_ALL=C
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ner_data="${MARSAD_SHARED:-../shared}/data/ner/anercorp-camel"
test -f "$ner_data/train.conll" || { echo "$(basename "$0"): $ner_data/train.conll is missing: clone Marsad beside shared/ or set MARSAD_SHARED"; exit 1; }
./marsad ner --help >/dev/null   # build once, before the timed runs
ner_log=$(mktemp)
trap 'rm -f "$ner_log" "$ner_log".*' EXIT

# Runs ./marsad with its arguments, standard error kept aside; on failure prints its last lines and stops the script.
quiet_marsad() {
  if ! ./marsad "$@" 2>"$ner_log"; then
    echo "$(basename "$0"): ./marsad $* failed:" >&2
    tail -n 5 "$ner_log" >&2
    exit 1
  fi
}

# Reads a score table on standard input and prints the overall row's P R F1.
overall_prf() { awk '$1 == "overall" { print $5, $6, $7 }'; }

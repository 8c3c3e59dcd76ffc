#!/usr/bin/env bash
# Compares copyedit's cleanup with aspell and misspell on the same generated
# corpus: builds the CLI, installs aspell (Debian packages aspell, aspell-en)
# and misspell (go install) when missing, runs each tool RUNS times in
# alternation, and prints the median time, throughput and the ratios.
#
#   bench/compare.sh                 # 20 MB corpus, 5 runs of each
#   MB=50 RUNS=7 bench/compare.sh
set -euo pipefail
cd "$(dirname "$0")/.."

MB=${MB:-20}
RUNS=${RUNS:-5}
SEED=${SEED:-1}
work=${TMPDIR:-/tmp}/copyedit-bench
mkdir -p "$work"

need_root() { [ "$(id -u)" = 0 ] || { command -v sudo >/dev/null && echo sudo; }; }
if ! command -v aspell >/dev/null || ! aspell dump dicts 2>/dev/null | grep -q '^en$'; then
	echo "installing aspell and aspell-en" >&2
	$(need_root) apt-get update -qq && $(need_root) apt-get install -y -qq aspell aspell-en >/dev/null
fi
misspell=$(command -v misspell || true)
if [ -z "$misspell" ]; then
	echo "installing misspell v0.3.4" >&2
	GOBIN="$work/bin" go install github.com/client9/misspell/cmd/misspell@v0.3.4
	misspell="$work/bin/misspell"
fi

go build -o "$work/cleanup" ./examples/cleanup
go run ./examples/corpus -mb "$MB" -seed "$SEED" -o "$work/corpus.txt"
corpus="$work/corpus.txt"
bytes=$(wc -c <"$corpus")

declare -A cmd=(
	[copyedit]="\"$work/cleanup\" \"$corpus\""
	[aspell]="aspell list --lang=en <\"$corpus\""
	[misspell]="\"$misspell\" \"$corpus\""
)
tools=(copyedit aspell misspell)

# Seconds taken by one run of a tool, its output thrown away.
run_once() {
	local start end
	start=$(date +%s%N)
	eval "${cmd[$1]}" >/dev/null 2>&1 || true
	end=$(date +%s%N)
	awk -v s="$start" -v e="$end" 'BEGIN { printf "%.4f", (e - s) / 1e9 }'
}

declare -A times
for ((i = 1; i <= RUNS; i++)); do
	for t in "${tools[@]}"; do
		times[$t]+="$(run_once "$t") "
	done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

echo "corpus: $MB MB ($bytes bytes, seed $SEED), $RUNS runs each, alternating; $(nproc) cores; $(date -u +%Y-%m-%d)"
printf '%-10s %10s %10s   %s\n' tool median_s MB/s runs
declare -A med
for t in "${tools[@]}"; do
	med[$t]=$(echo "${times[$t]}" | median)
	printf '%-10s %10s %10.1f   %s\n' "$t" "${med[$t]}" "$(awk -v b="$bytes" -v m="${med[$t]}" 'BEGIN { print b / 1048576 / m }')" "${times[$t]}"
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "ratio copyedit/aspell   (throughput) $(ratio "${med[aspell]}" "${med[copyedit]}")"
echo "ratio copyedit/misspell (throughput) $(ratio "${med[misspell]}" "${med[copyedit]}")"

# Time to first byte on a small input, dictionary load included.
start=$(date +%s%N)
"$work/cleanup" testdata/article.txt | head -c1 >/dev/null
end=$(date +%s%N)
echo "first output byte on the article: $(( (end - start) / 1000000 )) ms (whole run of the binary)"

# Peak memory while streaming the corpus (GNU time, when installed).
if [ -x /usr/bin/time ]; then
	/usr/bin/time -f 'peak RSS cleaning the corpus: %M KiB' "$work/cleanup" "$corpus" >/dev/null
fi

#!/usr/bin/env bash
# Bounded load test of `backfile serve`, on 127.0.0.1 only.
#
#   bench/load-test.sh INDEX_DIR [FEED_DIR]
#
# 1. Imports sample-data/ (and ../shared/corpora/20newsgroups/20news-bydate.tar.gz when present)
#    into INDEX_DIR; the import journal makes a re-run skip what is already there.
# 2. Starts `./backfile serve` on a free port of 127.0.0.1 with a fixed heap (BACKFILE_JAVA_OPTS,
#    default -Xmx512m) and a temporary write token, and waits for /health.
# 3. Capacity probe: wrk, PROBE_SECONDS (10) at 2 connections on /api/search.
# 4. Main run: wrk for RUN_SECONDS (60) at RUN_CONNECTIONS (8) over bench/load-test.lua (search,
#    search page, article page/API, related, archive month page/API), while a feeder POSTs the
#    articles of FEED_DIR (default sample-data/, extracted once with `backfile extract`, cycled
#    with numbered titles) to /api/articles: at most FEED_MAX (2000) posts or RUN_SECONDS.
#    wrk is closed-loop (no fixed rate like wrk2), so "twice capacity" is approximated by
#    concurrency: the probe's 2 connections already keep both cores busy; the main run uses 4x
#    that, so requests queue in the server (offered load well above what it serves).
# 5. Heap after a full GC (jcmd GC.run; GC.heap_info) after start-up, after the probe (warm)
#    and after the run; jstat -gc sampled every 5 s during the run.
# 6. Deletes the posted articles again (so a re-run starts from the same index), stops everything.
# ROUNDS=N repeats step 4 on the same server (heap after each round: growth from round to round
# is what a leak looks like; the first round also fills caches and loads classes).
# IMPORT_JAVA_OPTS (default -Xmx2g) is the heap of the import step only.
# WITH_20NEWS=0 leaves the newsgroups out (a quick smoke test: WITH_20NEWS=0 PROBE_SECONDS=2
# RUN_SECONDS=5 FEED_MAX=20 bench/load-test.sh /tmp/small-index).
# Output: a summary on stdout; raw logs under OUT_DIR (default a new /tmp/backfile-load.XXXX).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
index="${1:?usage: bench/load-test.sh INDEX_DIR [FEED_DIR]}"
feed_dir="${2:-$here/sample-data}"
probe_seconds="${PROBE_SECONDS:-10}"
run_seconds="${RUN_SECONDS:-60}"
run_connections="${RUN_CONNECTIONS:-8}"
run_threads="${RUN_THREADS:-2}"
feed_max="${FEED_MAX:-2000}"
rounds="${ROUNDS:-1}"
export BACKFILE_JAVA_OPTS="${BACKFILE_JAVA_OPTS:--Xmx512m}"
out="${OUT_DIR:-$(mktemp -d /tmp/backfile-load.XXXX)}"
mkdir -p "$out"
host=127.0.0.1

for tool in wrk curl jq jcmd jstat python3; do
  command -v "$tool" >/dev/null || { echo "load-test: needs $tool on PATH (wrk: apt-get install wrk)" >&2; exit 3; }
done

server_pid="" feeder_pid="" jstat_pid=""
cleanup() {
  local p
  for p in "$feeder_pid" "$jstat_pid" "$server_pid"; do
    [ -n "$p" ] && kill "$p" 2>/dev/null || true
  done
  [ -n "$server_pid" ] && { wait "$server_pid" 2>/dev/null || true; }
  rm -f "$out/token"
}
trap cleanup EXIT

log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

# --- 1. corpus -------------------------------------------------------------------------------
sources=("$here/sample-data")
news="$here/../shared/corpora/20newsgroups/20news-bydate.tar.gz"
[ -f "$news" ] && [ "${WITH_20NEWS:-1}" = 1 ] && sources+=("$news")
log "importing ${sources[*]} into $index"
import_start=$SECONDS
# The import gets its own heap: at -Xmx512m it ran out of memory on the 20newsgroups tar.gz
# (docs/load-test.md); only the server runs with BACKFILE_JAVA_OPTS.
BACKFILE_JAVA_OPTS="${IMPORT_JAVA_OPTS:--Xmx2g}" \
  "$here/backfile" import --index "$index" "${sources[@]}" >"$out/import.log" 2>&1 \
  || { log "import exited non-zero (see $out/import.log)"; }
log "import took $((SECONDS - import_start)) s: $(tail -n 1 "$out/import.log")"

log "extracting the feed articles from $feed_dir"
mapfile -t feed_files < <(find "$feed_dir" -type f ! -name '*.md' | sort)
"$here/backfile" extract "${feed_files[@]}" 2>"$out/extract.log" \
  | jq -c 'select(.title != null and .body != null and (.body | length) > 0)' >"$out/feed.jsonl" || true
feed_n=$(wc -l <"$out/feed.jsonl")
[ "$feed_n" -gt 0 ] || { echo "load-test: no articles extracted from $feed_dir" >&2; exit 1; }
# FEED_MAX payloads, cycling the articles; numbered titles make each one a new article.
jq -c -n --argjson max "$feed_max" --slurpfile a "$out/feed.jsonl" \
  'range(0; $max) as $i | $a[$i % ($a | length)]
   | {title: (.title + " [load-test " + ($i | tostring) + "]"), body, authors, tags, summary, url,
      language, section, publication, published}' >"$out/payloads.jsonl"

# --- 2. server -------------------------------------------------------------------------------
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://$host:$port"
( umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=' >"$out/token" )
token="$(cat "$out/token")"
"$here/backfile" serve --index "$index" --host "$host" --port "$port" --token-file "$out/token" \
  >"$out/serve.log" 2>&1 &
server_pid=$!   # the launcher execs java, so this is the JVM's pid
for _ in $(seq 1 120); do
  curl -fsS "$base/health" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { echo "load-test: server died (see $out/serve.log)" >&2; exit 1; }
  sleep 0.5
done
curl -fsS "$base/health" >"$out/health.json" || { echo "load-test: no /health after 60 s" >&2; exit 1; }
log "server pid $server_pid on $base: $(cat "$out/health.json")"

heap_used_kb() { # full GC, then the heap's used KB
  jcmd "$server_pid" GC.run >/dev/null
  jcmd "$server_pid" GC.heap_info >"$out/heap-$1.txt"
  jcmd "$server_pid" GC.class_histogram 2>/dev/null | head -n 60 >"$out/histogram-$1.txt" || true
  grep -m1 -oE 'used [0-9]+K' "$out/heap-$1.txt" | grep -oE '[0-9]+'
}

# --- data for the Lua script ------------------------------------------------------------------
curl -fsS "$base/api/search?size=100" >"$out/search100.json"
jq -r '.. | objects | select(has("id") and has("title")) | .id' "$out/search100.json" | sort -u >"$out/ids.txt"
# Words: from the titles and summaries of those articles (so most queries have hits), plus a few.
{ jq -r '.. | objects | select(has("id") and has("title")) | [.title, (.summary // "")] | join(" ")' "$out/search100.json" \
    | tr 'A-Z' 'a-z' | tr -c 'a-z\n' '\n' | awk 'length($0) >= 4'
  printf '%s\n' night trains honey letters editor market river winter science space hockey engine graphics
} | sort -u >"$out/words.txt"
curl -fsS "$base/api/archive" >"$out/archive.json"
# Months as YYYY/MM from /api/archive ({years: [{year, count, months: [{month, count}]}]}).
jq -r '.years[] | .year as $y | .months[] | select(.count > 0)
       | "\($y)/\(.month | tostring | if length == 1 then "0" + . else . end)"' \
  "$out/archive.json" | sort -u >"$out/months.txt"
[ -s "$out/months.txt" ] || echo "2000/01" >"$out/months.txt"
log "$(wc -l <"$out/ids.txt") ids, $(wc -l <"$out/words.txt") words, $(wc -l <"$out/months.txt") months"
export LT_DATA="$out"

heap_start=$(heap_used_kb start)
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

# --- 3. capacity probe -------------------------------------------------------------------------
log "probe: ${probe_seconds}s, 2 connections, /api/search"
LT_ONLY=api_search wrk -t 2 -c 2 -d "${probe_seconds}s" --latency -s "$here/bench/load-test.lua" "$base" \
  >"$out/wrk-probe.txt" 2>&1
probe_line=$(grep '^LT requests' "$out/wrk-probe.txt")
heap_warm=$(heap_used_kb warm)

# --- 4. main run with the feeder -----------------------------------------------------------------
feeder() {
  local i=0 start=$SECONDS line resp code id
  while IFS= read -r line; do
    [ $((SECONDS - start)) -lt "$run_seconds" ] || break
    i=$((i + 1))
    resp=$(printf '%s' "$line" | curl -sS -m 30 -X POST -H "Authorization: Bearer $token" \
      -H 'Content-Type: application/json' --data-binary @- -w '\n%{http_code} %{time_total}' \
      "$base/api/articles" 2>&1) || true
    # No extra processes per post (the box is busy): the status line and the id by bash alone.
    code=${resp##*$'\n'}
    id=""
    [[ $resp =~ \"id\":\"([0-9a-f]+)\" ]] && id=${BASH_REMATCH[1]}
    echo "$code $id"
  done <"$out/payloads.jsonl"
}
cat <<REPORT | tee "$out/summary.txt"
load test $(date -u +%FT%TZ), $base, index $index ($(jq -r .articles "$out/health.json") articles at start)
machine: $(nproc) cores, load average before the probe $load_before
probe  (/api/search, 2 conn, ${probe_seconds}s): ${probe_line#LT }
heap used after full GC: start ${heap_start} KB, warm (after the probe) ${heap_warm} KB
REPORT
for round in $(seq 1 "$rounds"); do
  feeder >"$out/feeder-$round.log" 2>&1 &
  feeder_pid=$!
  jstat -gc "$server_pid" 5000 $(((run_seconds + 10) / 5)) >"$out/jstat-$round.txt" 2>&1 &
  jstat_pid=$!
  log "round $round/$rounds: ${run_seconds}s, $run_threads threads, $run_connections connections, mixed endpoints, feeder posting"
  wrk -t "$run_threads" -c "$run_connections" -d "${run_seconds}s" --timeout 10s --latency \
    -s "$here/bench/load-test.lua" "$base" >"$out/wrk-run-$round.txt" 2>&1
  wait "$feeder_pid" || true; feeder_pid=""
  wait "$jstat_pid" 2>/dev/null || true; jstat_pid=""
  heap_after=$(heap_used_kb "after-$round")

  # --- 5. report (per round) ---------------------------------------------------------------------
  f="$out/feeder-$round.log"
  posts=$(wc -l <"$f")
  posts_ok=$(awk '$1 == 201' "$f" | wc -l)
  post_p50=$(awk '{print $2}' "$f" | sort -n | awk '{a[NR]=$1} END {if (NR) printf "%.0f", a[int((NR+1)*0.5)]*1000}')
  post_p99=$(awk '{print $2}' "$f" | sort -n | awk '{a[NR]=$1} END {k=int(NR*0.99+0.999); if (k<1) k=1; if (NR) printf "%.0f", a[k]*1000}')
  cat <<REPORT | tee -a "$out/summary.txt"
round $round (mix, $run_connections conn, ${run_seconds}s): $(grep '^LT requests' "$out/wrk-run-$round.txt" | sed 's/^LT //')
       $(grep '^LT status' "$out/wrk-run-$round.txt" | sed 's/^LT //'); $(grep '^LT socket' "$out/wrk-run-$round.txt" | sed 's/^LT //')
       feeder POST /api/articles: $posts sent, $posts_ok 201, others: $(awk '$1 != 201 {print $1}' "$f" | sort | uniq -c | tr '\n' ' ')p50 ${post_p50:-?} ms, p99 ${post_p99:-?} ms
       heap used after full GC after round $round: ${heap_after} KB
REPORT
done
echo "logs: $out" | tee -a "$out/summary.txt"

# --- 6. restore the index ------------------------------------------------------------------------
deleted=0
while read -r code _ id; do
  [ "$code" = 201 ] && [ -n "${id:-}" ] || continue
  curl -sS -m 30 -o /dev/null -X DELETE -H "Authorization: Bearer $token" "$base/api/articles/$id" && deleted=$((deleted + 1))
done < <(sort -u -k3,3 "$out"/feeder-*.log)
heap_restored=$(heap_used_kb restored)
log "deleted $deleted posted articles; heap used after full GC now ${heap_restored} KB; stopping the server"
echo "after deleting the $deleted posted articles: heap used after full GC ${heap_restored} KB" >>"$out/summary.txt"

#!/usr/bin/env bash
# The load benchmark: the service in Release on a fresh SQLite file, driven by wrk with 2 threads
# and 8 connections on loopback, first over 100 deals and then over 100,000 generated deals with
# their history. Prints req/s, p50, p99 and errors for each call (the writes also with group commit
# off, for comparison), a mixed run (officers changing stages while a BI client pulls the export and
# reports), and the service's memory.
#   bash bench/load.sh                 # about 5 minutes on a 2-core machine
#   DURATION=30 bash bench/load.sh     # longer rounds
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10}
export BENCH_KEY=bench-admin-key-not-a-secret-0123456789
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if ! command -v wrk >/dev/null 2>&1; then
  echo "installing wrk from Debian's packages"
  (apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; })
fi

dotnet build bench/DealPipeline.Benchmarks -c Release -v quiet -nologo >/dev/null
BIN=bench/DealPipeline.Benchmarks/bin/Release/net10.0
WORK=$(mktemp -d)
PID=
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

start_service() { # db file, extra env...
  local db=$1; shift
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  env ASPNETCORE_ENVIRONMENT=Production Database__ConnectionString="Data Source=$db" Demo__Seed=false \
      Auth__BootstrapAdminKey=$BENCH_KEY RateLimit__PermitsPerSecond=1000000 RateLimit__Burst=1000000 \
      Logging__LogLevel__Default=Warning "$@" dotnet "$BIN/DealPipeline.Api.dll" --urls "http://127.0.0.1:$PORT" >"$WORK/service.log" 2>&1 &
  PID=$!
  until curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null; do
    kill -0 "$PID" 2>/dev/null || { cat "$WORK/service.log"; echo "the service did not start" >&2; exit 1; }
    sleep 0.2
  done
  URL=http://127.0.0.1:$PORT
}
stop_service() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=; }
rss() { awk '/VmRSS/{printf "%.0f", $2/1024}' "/proc/$PID/status"; }
hwm() { awk '/VmHWM/{printf "%.0f", $2/1024}' "/proc/$PID/status"; }
api() { curl -sf -H "X-Api-Key: $BENCH_KEY" -H 'Content-Type: application/json' "$@"; }

# One wrk round: name, script, then the script's arguments. Prints a table row.
round() {
  local name=$1 script=$2; shift 2
  local out
  out=$(wrk -t2 -c8 -d"${DURATION}s" --latency -s "bench/load/$script" "$URL" -- "$@" 2>&1)
  local rps p50 p99 non2xx errors
  rps=$(awk '/Requests\/sec/{print $2}' <<<"$out")
  p50=$(awk '$1=="50%"{print $2}' <<<"$out")
  p99=$(awk '$1=="99%"{print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/{print $NF}' <<<"$out"); non2xx=${non2xx:-0}
  errors=$(awk '/Socket errors/{gsub(",","");print $4+$6+$8+$10}' <<<"$out"); errors=${errors:-0}
  printf '| %s | %s | %s | %s | %s |\n' "$name" "$(printf '%.0f' "$rps")" "$p50" "$p99" "$((non2xx + errors))"
}
header() { echo; echo "$1"; echo; echo "| call | req/s | p50 | p99 | errors |"; echo "|---|---:|---:|---:|---:|"; }

echo "load benchmark: wrk -t2 -c8 -d${DURATION}s, $(nproc) cores, $(date -u +%Y-%m-%d)"

# --- 100 deals -------------------------------------------------------------------------------
# The writes run twice, each on a fresh file: with group commit (the default) and with every write
# committed alone (Database:GroupCommitMaxWrites=1), so that the difference is measured in one run.
for commit in 64 1; do
  dotnet "$BIN/DealPipeline.Benchmarks.dll" generate 100 "$WORK/small-$commit.db" >/dev/null
  start_service "$WORK/small-$commit.db" Database__GroupCommitMaxWrites=$commit
  sleep 2
  if [ $commit = 64 ]; then
    echo; echo "resident memory after start (100 deals): $(rss) MiB"
    header "100 deals"
    round 'GET /reports/pipeline?groupBy=stage' get.lua /api/v1/reports/pipeline?groupBy=stage
    round 'GET /deals/{id}' get.lua /api/v1/deals/1
    round 'GET /parks' get.lua /api/v1/parks
  else
    header "100 deals, every write committed alone (Database:GroupCommitMaxWrites=1), for comparison"
  fi
  first=$(( $(api "$URL/api/v1/deals?sort=-id&limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])') + 1 ))
  round 'POST /deals' create.lua
  last=$(api "$URL/api/v1/deals?sort=-id&limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
  round 'POST /deals/{id}/transitions' transition.lua "$first" "$last" 2
  if [ $commit = 64 ]; then
    round 'GET /reports/pipeline?groupBy=stage (after the writes)' get.lua /api/v1/reports/pipeline?groupBy=stage
  fi
  stop_service
done

# --- 100,000 deals ---------------------------------------------------------------------------
dotnet "$BIN/DealPipeline.Benchmarks.dll" generate 100000 "$WORK/large.db"
asof=$(date -u -d '180 days ago' +%Y-%m-%d); year=$(date -u +%Y)
for cache in true false; do
  start_service "$WORK/large.db" Reports__CacheResults=$cache
  if [ $cache = true ]; then
    header "100,000 deals, reports served from memory while nothing changes (the default)"
    round 'GET /reports/pipeline?groupBy=stage' get.lua /api/v1/reports/pipeline?groupBy=stage
    round 'GET /deals/{id}' get.lua /api/v1/deals/1
  else
    header "100,000 deals, every report computed (Reports:CacheResults=false)"
    for g in stage sector park owner team source; do
      round "GET /reports/pipeline?groupBy=$g" get.lua "/api/v1/reports/pipeline?groupBy=$g"
    done
    round "GET /reports/pipeline?asOf=$asof" get.lua "/api/v1/reports/pipeline?groupBy=stage&asOf=$asof"
    round "GET /reports/performance?year=$year" get.lua "/api/v1/reports/performance?year=$year"
    round "GET /reports/funnel?year=$year" get.lua "/api/v1/reports/funnel?year=$year"
    round 'GET /reports/overdue' get.lua /api/v1/reports/overdue
    round 'GET /reports/evaluation?criteriaSetId=1' get.lua '/api/v1/reports/evaluation?criteriaSetId=1'
    round 'GET /reports/chains/1' get.lua /api/v1/reports/chains/1

    before=$(hwm)
    start=$(date +%s.%N)
    bytes=$(curl -s -H "X-Api-Key: $BENCH_KEY" "$URL/api/v1/export/deals.csv" | wc -c)
    echo; echo "export of all 100,000 deals: $(python3 -c "print(f'{$(date +%s.%N) - $start:.2f}')") s, $((bytes / 1024 / 1024)) MiB; peak resident memory $before MiB before, $(hwm) MiB after"

    # Mixed: officers change stages (the deals made above) while a BI client pulls the export and reports.
    first=$(( $(api "$URL/api/v1/deals?sort=-id&limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])') + 1 ))
    wrk -t2 -c8 -d3s -s bench/load/create.lua "$URL" >/dev/null 2>&1
    last=$(api "$URL/api/v1/deals?sort=-id&limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
    ( end=$((SECONDS + DURATION)); while [ $SECONDS -lt $end ]; do
        curl -s -o /dev/null -H "X-Api-Key: $BENCH_KEY" "$URL/api/v1/export/deals.csv"
        curl -s -o /dev/null -H "X-Api-Key: $BENCH_KEY" "$URL/api/v1/reports/pipeline?groupBy=owner"
      done ) &
    reader=$!
    header "mixed: stage changes while a BI client pulls the export and reports"
    round 'POST /deals/{id}/transitions (while exporting)' transition.lua "$first" "$last" 2
    wait $reader
  fi
  stop_service
done

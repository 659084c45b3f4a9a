#!/usr/bin/env bash
# The import benchmark: the service in Release on a fresh SQLite file imports a ledger of 100,000 companies, then one of
# 100,000 deals naming those companies, parks, sectors and owners by name (a third of them signed, a third landed, with
# their dates), each as a dry run and a commit (batches of Imports:BatchRows rows). Prints, per step, the seconds, rows a
# second, and the service's resident memory after the step and at its peak (VmHWM), to show that memory is bounded by the
# file, not by its rows.
#   bash bench/import.sh              # about 10 minutes on a 2-core machine
#   ROWS=20000 bash bench/import.sh   # a smaller run
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-100000}
export BENCH_KEY=bench-admin-key-not-a-secret-0123456789
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build bench/DealPipeline.Benchmarks -c Release -v quiet -nologo >/dev/null
BIN=bench/DealPipeline.Benchmarks/bin/Release/net10.0
WORK=$(mktemp -d)
PID=
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
env ASPNETCORE_ENVIRONMENT=Production Database__ConnectionString="Data Source=$WORK/bench.db" Demo__Seed=false \
    Auth__BootstrapAdminKey=$BENCH_KEY RateLimit__PermitsPerSecond=1000000 RateLimit__Burst=1000000 \
    Logging__LogLevel__Default=Warning dotnet "$BIN/DealPipeline.Api.dll" --urls "http://127.0.0.1:$PORT" >"$WORK/service.log" 2>&1 &
PID=$!
URL=http://127.0.0.1:$PORT
until curl -sf "$URL/health/ready" >/dev/null; do
  kill -0 "$PID" 2>/dev/null || { cat "$WORK/service.log"; echo "the service did not start" >&2; exit 1; }
  sleep 0.2
done

rss() { awk '/VmRSS/{printf "%.0f", $2/1024}' "/proc/$PID/status"; }
hwm() { awk '/VmHWM/{printf "%.0f", $2/1024}' "/proc/$PID/status"; }
api() { curl -sf --max-time 3600 -H "X-Api-Key: $BENCH_KEY" "$@"; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

api -H 'Content-Type: application/json' -d '{"name":"杭州医药港","city":"杭州"}' "$URL/api/v1/parks" >/dev/null
sector=$(api -H 'Content-Type: application/json' -d '{"name":"生物医药"}' "$URL/api/v1/sectors" | json 'd["id"]')
api -H 'Content-Type: application/json' -d "{\"name\":\"创新药\",\"parentId\":$sector}" "$URL/api/v1/sectors" >/dev/null
team=$(api -H 'Content-Type: application/json' -d '{"name":"生物医药招商专班"}' "$URL/api/v1/teams" | json 'd["id"]')
api -H 'Content-Type: application/json' -d "{\"name\":\"王磊\",\"role\":\"officer\",\"teamId\":$team}" "$URL/api/v1/users" >/dev/null

python3 - "$ROWS" "$WORK" <<'EOF'
import sys, datetime
rows, work = int(sys.argv[1]), sys.argv[2]
with open(f"{work}/companies.csv", "w", encoding="utf-8", newline="") as f:
    f.write("企业名称,国家或地区,城市\r\n")
    for i in range(1, rows + 1):
        f.write(f"基准导入第{i}号生物科技有限公司,CN,杭州\r\n")
start = datetime.date(2024, 1, 2)
with open(f"{work}/deals.csv", "w", encoding="utf-8", newline="") as f:
    f.write("台账编号,项目名称,企业名称,园区,产业,负责人,阶段,意向投资（万元）,合同投资（万元）,立项日期,签约日期,落地日期\r\n")
    for i in range(1, rows + 1):
        opened = start + datetime.timedelta(days=i % 300)
        stage, contracted, signed, landed = ("洽谈", "", "", "")
        if i % 3 == 1:
            stage, contracted, signed = ("签约", f"{i % 900 + 100}.5", (opened + datetime.timedelta(days=40)).isoformat())
        elif i % 3 == 2:
            stage, contracted, signed, landed = ("落地", f"{i % 900 + 100}", (opened + datetime.timedelta(days=40)).isoformat(), (opened + datetime.timedelta(days=120)).isoformat())
        f.write(f"BM-{i:06d},基准项目{i},基准导入第{i}号生物科技有限公司,杭州医药港,创新药,王磊,{stage},{i % 5000 + 1000}.25,{contracted},{opened.isoformat()},{signed},{landed}\r\n")
EOF

echo "import benchmark: $ROWS rows a ledger, SQLite, $(nproc) cores, $(date -u +%Y-%m-%d), Imports:BatchRows 1000"
echo
echo "| step | file MB | seconds | rows/s | RSS after, MB | peak RSS, MB | outcome |"
echo "|---|---:|---:|---:|---:|---:|---|"
step() { # name, file, kind
  local name=$1 file=$2 kind=$3 t0 t1 id answer counts
  local mb; mb=$(python3 -c "import os; print(f'{os.path.getsize(\"$file\")/1048576:.1f}')")
  t0=$(date +%s.%N)
  answer=$(api -H 'Content-Type: text/csv' --data-binary "@$file" "$URL/api/v1/imports?kind=$kind&fileName=bench")
  t1=$(date +%s.%N)
  id=$(json 'd["id"]' <<<"$answer")
  counts=$(json '"dry run: create {create}, update {update}, refused {refused}".format(**d["counts"])' <<<"$answer")
  printf '| %s, dry run | %s | %.1f | %.0f | %s | %s | %s |\n' "$name" "$mb" "$(awk "BEGIN{print $t1 - $t0}")" "$(awk "BEGIN{print $ROWS / ($t1 - $t0)}")" "$(rss)" "$(hwm)" "$counts"
  t0=$(date +%s.%N)
  answer=$(api -X POST -H 'Content-Type: application/json' -d '{}' "$URL/api/v1/imports/$id/commit")
  t1=$(date +%s.%N)
  counts=$(json '"{status}: create {c[create]}, update {c[update]}, refused {c[refused]}, rows done {rowsDone}".format(c=d["counts"], **d)' <<<"$answer")
  printf '| %s, commit | %s | %.1f | %.0f | %s | %s | %s |\n' "$name" "$mb" "$(awk "BEGIN{print $t1 - $t0}")" "$(awk "BEGIN{print $ROWS / ($t1 - $t0)}")" "$(rss)" "$(hwm)" "$counts"
}
step companies "$WORK/companies.csv" companies
step deals "$WORK/deals.csv" deals
echo
echo "the pipeline after the import (CNY by stage): $(api "$URL/api/v1/reports/pipeline" | json '", ".join("%s %s" % (r["key"], r["count"]) for r in d["rows"])')"
echo "as of 2024-06-30 (the ledger's dates): $(api "$URL/api/v1/reports/pipeline?asOf=2024-06-30" | json '", ".join("%s %s" % (r["key"], r["count"]) for r in d["rows"])')"

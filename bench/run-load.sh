#!/usr/bin/env bash
# Load run against the real server on loopback: builds in Release, makes a demo county of the given size
# (once; kept in bench/data/), starts the service on it, and runs 20 concurrent signed-in officers against the
# triage queue, a child's record and a request page.
#   bench/run-load.sh [children=100000] [provider=Sqlite|PostgreSql] [connection] [seconds=30]
# NODES=2 (PostgreSQL only) starts two nodes of the service on ports 5090 and 5091 against the one database, and
# the load tool sends each client's requests to them in turn, as a round-robin load balancer would.
# NODES=2 COMPARE=5 measures each page on the first node alone and on both in turn, alternating in 5-second slices.
# TARGETS=plans measures the plan page and the panel agenda instead (adding 200 plans of ten versions once).
# TARGETS=money measures the money pages as the demo finance officer, and a family's direct payment money page as
# the second demo parent (linked once to a child with a direct payment).
# TARGETS=casework measures the reviews worklist, the caseload view, the children with no key worker and the complaints
# list as the demo team manager, after adding a county's casework once (bench/ShortBreaks.DailyScanBench --seed-only).
# ONLY="monitoring list" measures just the pages whose name contains that text.
# WARM_UP=60 (seconds) is how long every page is visited in turn before any is measured (at least 10 s each).
# For PostgreSQL pass a connection string to an empty database, e.g.
#   bench/run-load.sh 100000 PostgreSql "Host=127.0.0.1;Port=5432;Database=bench;Username=postgres"
set -euo pipefail
cd "$(dirname "$0")/.."
children=${1:-100000}
provider=${2:-Sqlite}
mkdir -p bench/data
connection=${3:-$PWD/bench/data/county-$children.db}
seconds=${4:-30}
port=5090
nodes=${NODES:-1}
if [[ $provider == Sqlite && $nodes != 1 ]]; then
  echo "SQLite serves one node: run NODES=$nodes on PostgreSql." >&2
  exit 2
fi

for project in src/ShortBreaks.Web src/ShortBreaks.Cli bench/ShortBreaks.Load bench/ShortBreaks.DailyScanBench; do
  dotnet build -c Release "$project" -v quiet -nologo >/dev/null
done

if [[ $provider == Sqlite && ! -f $connection ]] || [[ $provider != Sqlite && ${FRESH:-1} == 1 ]]; then
  echo "Making a demo county of $children children..."
  dotnet run -c Release --no-build --project src/ShortBreaks.Cli -- demo-data --children "$children" --provider "$provider" --connection "$connection"
fi

if [[ ${TARGETS:-} == casework ]]; then
  dotnet run -c Release --no-build --project bench/ShortBreaks.DailyScanBench -- --provider "$provider" --db "$connection" --seed-only true
fi

servers=()
urls=()
trap 'for s in "${servers[@]}"; do kill "$s" 2>/dev/null || true; done' EXIT
for node in $(seq 1 "$nodes"); do
  node_port=$((port + node - 1))
  log=bench/data/server.log
  if [[ $node -gt 1 ]]; then log=bench/data/server-$node.log; fi
  dotnet run -c Release --no-build --project src/ShortBreaks.Web -- --urls "http://127.0.0.1:$node_port" \
    --Database:Provider "$provider" --Database:ConnectionString "$connection" --Logging:LogLevel:Default Warning \
    --Email:PickupDirectory bench/data/mail --SignInLimits:PerAccount 1000 --SignInLimits:PerClient 1000 > "$log" 2>&1 &
  servers+=($!)
  urls+=("http://127.0.0.1:$node_port")
done
for url in "${urls[@]}"; do
  for _ in $(seq 1 120); do
    curl -fs "$url/health" >/dev/null 2>&1 && break
    sleep 1
  done
done

dotnet run -c Release --no-build --project bench/ShortBreaks.Load -- --url "$(IFS=,; echo "${urls[*]}")" \
  --provider "$provider" --db "$connection" --clients 20 --seconds "$seconds" --targets "${TARGETS:-front-door}" --compare "${COMPARE:-0}" --only "${ONLY:-}" --warm-up "${WARM_UP:-60}"

#!/usr/bin/env bash
# Virtual budget run over the current caseload, timed end to end (Release build): makes a demo county whose
# caseload holds the given number of current cases with completed RAS assessments (once; kept in bench/data/),
# then runs the version several times and prints each time, the median and the max.
#   bench/run-virtual-budgets.sh [cases=100000] [provider=Sqlite|PostgreSql] [connection] [runs=7] [version=2026.1]
# The demo county puts 80% of children on Flexible or Targeted Short Breaks, so 125,000 children give 100,000 cases.
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${1:-100000}
provider=${2:-Sqlite}
children=$(( (cases * 100 + 79) / 80 ))
mkdir -p bench/data
connection=${3:-$PWD/bench/data/ras-county-$children.db}
runs=${4:-7}
version=${5:-2026.1}

for project in src/ShortBreaks.Cli bench/ShortBreaks.VirtualBudgetBench; do
  dotnet build -c Release "$project" -v quiet -nologo >/dev/null
done

if [[ $provider == Sqlite && ! -f $connection ]] || [[ $provider != Sqlite && ${FRESH:-1} == 1 ]]; then
  echo "Making a demo county of $children children ($cases current cases)..."
  dotnet run -c Release --no-build --project src/ShortBreaks.Cli -- demo-data --children "$children" --provider "$provider" --connection "$connection"
fi

dotnet run -c Release --no-build --project bench/ShortBreaks.VirtualBudgetBench -- \
  --provider "$provider" --db "$connection" --runs "$runs" --version "$version" --minimum-cases "$cases"

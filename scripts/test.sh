#!/usr/bin/env bash
# Runs every test of AgentTrace from a fresh checkout: installs the system packages the tests use,
# restores the solution and its dotnet tools, builds and tests it, and ends with a line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

packages=()
command -v redis-server >/dev/null 2>&1 || packages+=(redis-server)
command -v redis-cli >/dev/null 2>&1 || packages+=(redis-tools)
[ -x /usr/bin/chromium ] || packages+=(chromium)
if [ ${#packages[@]} -gt 0 ]; then
  echo "Installing ${packages[*]} ..."
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

results=.test-output
rm -rf "$results"
dotnet restore AgentTrace.sln
# The tools of .config/dotnet-tools.json: Kiota generates a client from the OpenAPI document at test time.
dotnet tool restore
dotnet build AgentTrace.sln -c Release --no-restore
status=0
dotnet test AgentTrace.Tests/AgentTrace.Tests.csproj -c Release --no-build \
  --logger "trx;LogFileName=results.trx" --logger "console;verbosity=normal" \
  --results-directory "$results" || status=$?

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi
echo "$passed passed, $failed failed"
exit "$status"

#!/usr/bin/env bash
# Tasklist sign-in to list and opening a task, before (compression and asset caching off) and after (as shipped),
# and the weight of 我的待办. Starts the app twice on port 18089 with its own data directory; needs Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18089}
ROUNDS=${ROUNDS:-5}
if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -q -B -o -DskipTests package
  ./mvnw -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
fi
JAR=$(ls target/rectify-*.jar | grep -v original | head -1)
# BEFORE_JAR: a build from before the field work (e.g. of commit 613a2ff) to measure against, instead of this build
# with compression and caching switched off; its rules and processes are taken from the checkout it was built in
# (BEFORE_DIR, default: the folder above the jar's target/)
run() {
  local label=$1 jar=$2 dir=$3; shift 3
  rm -rf target/bench-field-data
  RECTIFY_RULES_DIR="$dir/rules" RECTIFY_PROCESSES_DIR="$dir/processes" java -jar "$jar" --spring.profiles.active=demo --server.port=$PORT --rectify.data-dir=target/bench-field-data "$@" \
    > "target/bench-field-${label%% *}.log" 2>&1 &
  local pid=$!
  until curl -sf "http://localhost:$PORT/actuator/health" > /dev/null; do sleep 2; done
  sleep 20 # let the start's background work (deployment, seeding) settle
  echo "== $label (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
  java -cp "$(cat target/bench-classpath.txt)" bench/FieldBench.java "http://localhost:$PORT" "$ROUNDS" || true
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
if [ -n "${BEFORE_JAR:-}" ]; then
  run "before ($BEFORE_JAR)" "$BEFORE_JAR" "${BEFORE_DIR:-$(dirname "$(dirname "$BEFORE_JAR")")}"
else
  run before "$JAR" . --server.compression.enabled=false --rectify.web.asset-caching=false
fi
run after "$JAR" .

#!/usr/bin/env bash
# Tasklist sign-in to list and opening a task, before (compression and asset caching off) and after (as shipped),
# and the weight of 我的待办. Starts the app twice, side by side, on ports 18089 and 18090 with data directories of
# their own; needs Chromium.
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
# Both servers run at once (ports PORT and PORT+1) and FieldBench alternates between them round by round, so that
# the shared machine's load falls on both alike.
start() {
  local label=$1 port=$2 jar=$3 dir=$4; shift 4
  rm -rf "target/bench-field-data-$label"
  RECTIFY_RULES_DIR="$dir/rules" RECTIFY_PROCESSES_DIR="$dir/processes" java -jar "$jar" --spring.profiles.active=demo --server.port=$port \
    --rectify.data-dir="target/bench-field-data-$label" "$@" > "target/bench-field-$label.log" 2>&1 &
  PIDS="$PIDS $!"
}
PIDS=""
trap 'kill $PIDS 2>/dev/null; wait 2>/dev/null' EXIT
if [ -n "${BEFORE_JAR:-}" ]; then
  echo "before: $BEFORE_JAR"
  start before "$PORT" "$BEFORE_JAR" "${BEFORE_DIR:-$(dirname "$(dirname "$BEFORE_JAR")")}"
else
  start before "$PORT" "$JAR" . --server.compression.enabled=false --rectify.web.asset-caching=false
fi
start after $((PORT + 1)) "$JAR" .
for port in "$PORT" $((PORT + 1)); do
  until curl -sf "http://localhost:$port/actuator/health" > /dev/null; do sleep 2; done
done
sleep 20 # let the start's background work (deployment, seeding) settle
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$(cat target/bench-classpath.txt)" bench/FieldBench.java "before=http://localhost:$PORT,after=http://localhost:$((PORT + 1))" "$ROUNDS" || true
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

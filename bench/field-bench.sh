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
run() {
  local label=$1; shift
  java -jar "$JAR" --spring.profiles.active=demo --server.port=$PORT --rectify.data-dir=target/bench-field-data "$@" \
    > "target/bench-field-$label.log" 2>&1 &
  local pid=$!
  until curl -sf "http://localhost:$PORT/actuator/health" > /dev/null; do sleep 2; done
  sleep 20 # let the start's background work (deployment, seeding) settle
  echo "== $label (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
  java -cp "$(cat target/bench-classpath.txt)" bench/FieldBench.java "http://localhost:$PORT" "$ROUNDS" || true
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
run before --server.compression.enabled=false --rectify.web.asset-caching=false
run after

#!/usr/bin/env bash
# Rectify against the bare engine in one run: start time to readiness, intake and task completions with 1 and 4
# clients (org.rectify.bench.Load), and the heap after the load. Fresh data directories under $WORK; both apps get the
# same -Xmx. Prints the machine's load average with every figure: the machine is shared.
#   bench/intake-bench.sh [seconds per phase]        (SKIP_BUILD=1 to reuse the jars)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_PHASE=${1:-20}
WORK=${WORK:-/tmp/rectify-intake-bench}
HEAP=${HEAP:-512m}
if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -q -B -o -DskipTests package
  ./mvnw -q -B -o -f bench/bare-engine/pom.xml -DskipTests package
fi
RECTIFY_JAR=$(ls target/rectify-*.jar | grep -v original | head -1)
BARE_JAR=bench/bare-engine/target/bare-engine-0.1.0-SNAPSHOT.jar
rm -rf "$WORK" && mkdir -p "$WORK"
load() { cut -d' ' -f1-3 /proc/loadavg; }
# seconds from the java command to the first successful answer of $2 (POST when $3 = post)
start_and_wait() {
  local log=$1 url=$2 method=$3; shift 3
  local t0; t0=$(date +%s.%N)
  "$@" > "$log" 2>&1 &
  echo $! > "$log.pid"
  until curl -sf -o /dev/null -X "$method" "$url"; do sleep 0.5; done
  echo "$(echo "$(date +%s.%N) - $t0" | bc)"
}
echo "== start (load average before: $(load))"
bare_start=$(start_and_wait "$WORK/bare.log" http://127.0.0.1:8099/start POST \
  java -Xmx$HEAP -jar "$BARE_JAR" --bare.data-dir="$WORK/bare")
echo "bare engine ready in ${bare_start} s (load average: $(load))"
rectify_start=$(start_and_wait "$WORK/rectify.log" http://127.0.0.1:8080/actuator/health/readiness GET \
  env RECTIFY_DATA_DIR="$WORK/rectify" SERVER_PORT=8080 java -Xmx$HEAP -jar "$RECTIFY_JAR" --spring.profiles.active=demo)
echo "Rectify ready in ${rectify_start} s (load average: $(load)); ratio $(echo "scale=2; $rectify_start / $bare_start" | bc)"
sleep 10 # the start's background work (demo data, timers) settles
postmaster() { head -1 "$WORK/$1/postgres/postmaster.pid"; }
PIDS="bare:$(cat "$WORK/bare.log.pid"):$(postmaster bare),rectify:$(cat "$WORK/rectify.log.pid"):$(postmaster rectify)"
java -Dload.pids="$PIDS" -cp bench/bare-engine/target/classes org.rectify.bench.Load http://127.0.0.1:8080 http://127.0.0.1:8099 "$SECONDS_PER_PHASE" | grep '^|'
for app in bare rectify; do
  pid=$(cat "$WORK/$app.log.pid")
  echo "== heap of $app after the load: $(jcmd "$pid" GC.heap_info | head -2 | tr -s ' ' | tr '\n' ' ')"
  kill "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.5; done
done
# a start on existing data, as after a deployment (the first start above also ran initdb and created the schema)
bare_restart=$(start_and_wait "$WORK/bare2.log" http://127.0.0.1:8099/start POST \
  java -Xmx$HEAP -jar "$BARE_JAR" --bare.data-dir="$WORK/bare")
rectify_restart=$(start_and_wait "$WORK/rectify2.log" http://127.0.0.1:8080/actuator/health/readiness GET \
  env RECTIFY_DATA_DIR="$WORK/rectify" SERVER_PORT=8080 java -Xmx$HEAP -jar "$RECTIFY_JAR" --spring.profiles.active=demo)
echo "restart on existing data: bare ${bare_restart} s, Rectify ${rectify_restart} s (load average: $(load)); ratio $(echo "scale=2; $rectify_restart / $bare_restart" | bc)"
kill "$(cat "$WORK/bare2.log.pid")" "$(cat "$WORK/rectify2.log.pid")"
wait 2>/dev/null || true

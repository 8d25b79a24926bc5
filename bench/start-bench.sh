#!/usr/bin/env bash
# Start to readiness on existing data, Rectify against the bare engine, alternating, ROUNDS times (issue 13): the bare
# engine's fat jar, Rectify's fat jar as built, and Rectify as deployed for speed (deploy/class-data-archive.sh: the jar
# extracted, with a class data sharing archive; made once here, not counted).
# The first round also creates both data directories (initdb, schema, demo data) and is not counted.
#   bench/start-bench.sh [rounds]     (SKIP_BUILD=1 to reuse the jars; RECTIFY_JAR=… to time another build)
# Prints one line per start with the load average; each Rectify log (the phases' timestamps) stays under $WORK.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
WORK=${WORK:-/tmp/rectify-start-bench}
HEAP=${HEAP:-512m}
PORT=${PORT:-18400}
BARE_PORT=${BARE_PORT:-18401}
if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -q -B -o -DskipTests package
  ./mvnw -q -B -o -f bench/bare-engine/pom.xml -DskipTests package
fi
RECTIFY_JAR=${RECTIFY_JAR:-$(ls target/rectify-*.jar | grep -v original | head -1)}
BARE_JAR=bench/bare-engine/target/bare-engine-0.1.0-SNAPSHOT.jar
mkdir -p "$WORK"
deploy/class-data-archive.sh "$RECTIFY_JAR" "$WORK/deploy" >/dev/null
DEPLOYED_JAR="$WORK/deploy/$(basename "$RECTIFY_JAR")"
load() { cut -d' ' -f1-3 /proc/loadavg; }
# seconds from the java command to the first successful answer of $2 (POST when $3 = post); then stops the app
timed_start() {
  local log=$1 url=$2 method=$3; shift 3
  local t0 pid; t0=$(date +%s.%N)
  "$@" > "$log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null -X "$method" "$url"; do
    kill -0 "$pid" 2>/dev/null || { echo "died, see $log" >&2; exit 1; }
    sleep 0.2
  done
  echo "$(date +%s.%N) - $t0" | bc
  kill "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
}
bare() {
  timed_start "$WORK/bare-$1.log" "http://127.0.0.1:$BARE_PORT/start" POST \
    java -Xmx$HEAP -jar "$BARE_JAR" --bare.data-dir="$WORK/bare" --server.port=$BARE_PORT
}
rectify() {
  timed_start "$WORK/rectify-$1.log" "http://127.0.0.1:$PORT/actuator/health/readiness" GET \
    env RECTIFY_DATA_DIR="$WORK/rectify" java -Xmx$HEAP -jar "$RECTIFY_JAR" --spring.profiles.active=demo --server.port=$PORT
}
rectify_cds() {
  timed_start "$WORK/rectify-cds-$1.log" "http://127.0.0.1:$PORT/actuator/health/readiness" GET \
    env RECTIFY_DATA_DIR="$WORK/rectify" java -Xmx$HEAP -XX:SharedArchiveFile="$WORK/deploy/rectify.jsa" -Xshare:on \
    -jar "$DEPLOYED_JAR" --spring.profiles.active=demo --server.port=$PORT
}
echo "first starts (not counted): bare $(bare 0) s, Rectify $(rectify 0) s (load average: $(load))"
for round in $(seq 1 "$ROUNDS"); do
  b=$(bare "$round"); r=$(rectify "$round"); c=$(rectify_cds "$round")
  echo "round $round: bare ${b} s, Rectify fat jar ${r} s (ratio $(echo "scale=2; $r / $b" | bc)), Rectify extracted with CDS ${c} s (ratio $(echo "scale=2; $c / $b" | bc)) (load average: $(load))"
done

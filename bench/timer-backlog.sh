#!/usr/bin/env bash
# "The morning after National Day" (issue 13): CASES accepted cases, each with its four ladder timers, all falling due
# at once when the business clock moves 40 days on; measures the time until no due timer is left, jobs/s, a case
# read's p99 meanwhile, and checks each ladder step exactly once. Then the same backlog on the bare engine
# (BARE_INSTANCES instances with four timers each) for the ratio. Not a test: figures go to bench/README.md.
#
#   CASES=5000 NODES=1 bench/timer-backlog.sh          # one node
#   CASES=5000 NODES=2 bench/timer-backlog.sh          # two nodes on one PostgreSQL (node 1's embedded server)
#
# Data lives outside the repository (DATA, default /tmp/rectify-timers/run), made anew each run. The clock is moved with
# the demo profile's /api/demo/clock (admins only, never on in production); the bare engine has its own /clock.
# JFR=1 records node 1 with the profiling settings (DATA/node1.jfr).
# Ports: PORT1/PORT2 (nodes), BARE_PORT, PG_PORT (node 1's embedded PostgreSQL), so that runs side by side do not clash.
# SNAPSHOT=dir keeps the seeded node 1 (its PostgreSQL and files) in dir after seeding, and a later run with the same
# SNAPSHOT copies it back instead of seeding again: seeding 25 000 cases through the API takes far longer than draining
# them, and each drain needs the backlog anew. SKIP_BARE=1 leaves the bare engine out; BARE_ONLY=1 runs only it.
set -euo pipefail
cd "$(dirname "$0")/.."
CASES=${CASES:-5000}
NODES=${NODES:-1}
SEED_THREADS=${SEED_THREADS:-4}
BARE_INSTANCES=${BARE_INSTANCES:-$CASES}
DATA=${DATA:-/tmp/rectify-timers/run}
PG_PORT=${PG_PORT:-54395}
PORT1=${PORT1:-18095}
PORT2=${PORT2:-18096}
BARE_PORT=${BARE_PORT:-18099}
SNAPSHOT=${SNAPSHOT:-}
HEAP=${HEAP:-1g}
APP_ARGS=${APP_ARGS:-}
JAR=${JAR:-target/rectify-0.1.0-SNAPSHOT.jar}
BARE_JAR=${BARE_JAR:-bench/bare-engine/target/bare-engine-0.1.0-SNAPSHOT.jar}
[ -f "$JAR" ] || ./mvnw -q -B -DskipTests package
[ -f "$BARE_JAR" ] || ./mvnw -q -B -f bench/bare-engine/pom.xml -DskipTests package
PG_JAR=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)
TOOL="java -cp bench/bare-engine/target/classes:$PG_JAR org.rectify.bench.TimerBacklog"
rm -rf "$DATA" && mkdir -p "$DATA"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

await() { until curl -sf "$1" >/dev/null; do sleep 2; done; }

start_node() { # index port extra-args…
  local i=$1 port=$2; shift 2
  local jfr=()
  [ "${JFR:-0}" = 1 ] && [ "$i" = 1 ] && jfr=(-XX:StartFlightRecording=filename=$DATA/node1.jfr,settings=profile,dumponexit=true)
  java -Xmx$HEAP "${jfr[@]}" -jar "$JAR" --spring.profiles.active=demo --server.port=$port \
    --rectify.data-dir=$DATA/node$i --rectify.processes-dir=processes --rectify.rules-dir=rules $APP_ARGS "$@" \
    >"$DATA/node$i.log" 2>&1 &
  pids+=($!)
}

if [ "${BARE_ONLY:-0}" != 1 ]; then
echo "== Rectify, $CASES cases, $NODES node(s); load $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "$SNAPSHOT" ] && [ -d "$SNAPSHOT/node1" ]; then
  cp -a "$SNAPSHOT/node1" "$DATA/node1"
  echo "seeded node copied from $SNAPSHOT"
fi
start_node 1 $PORT1 --rectify.embedded-postgres.port=$PG_PORT
await http://127.0.0.1:$PORT1/actuator/health
nodes=http://127.0.0.1:$PORT1
if [ -z "$SNAPSHOT" ] || [ ! -d "$SNAPSHOT/node1" ]; then
  # SEED=api reports and accepts each case over HTTP as a user would; SEED=app (default) goes through the same
  # intake and acceptance code inside the application (demo profile's /api/demo/backlog), ten cases a commit
  if [ "${SEED:-app}" = api ]; then $TOOL seed http://127.0.0.1:$PORT1 "$CASES" "$SEED_THREADS"
  else $TOOL seed-in-app http://127.0.0.1:$PORT1 "$CASES" "$SEED_THREADS"; fi
  if [ -n "$SNAPSHOT" ]; then
    cleanup; pids=()
    rm -rf "$SNAPSHOT" && mkdir -p "$SNAPSHOT" && cp -a "$DATA/node1" "$SNAPSHOT/node1"
    echo "seeded node kept in $SNAPSHOT"
    start_node 1 $PORT1 --rectify.embedded-postgres.port=$PG_PORT
    await http://127.0.0.1:$PORT1/actuator/health
  fi
fi
if [ "$NODES" = 2 ]; then
  start_node 2 $PORT2 --spring.datasource.url=jdbc:postgresql://127.0.0.1:$PG_PORT/postgres \
    --spring.datasource.username=postgres --spring.datasource.password=postgres
  await http://127.0.0.1:$PORT2/actuator/health
  nodes=$nodes,http://127.0.0.1:$PORT2
fi
# a new database has no planner statistics (TECH-NOTES)
psql -q -h 127.0.0.1 -p $PG_PORT -U postgres -d postgres -c analyze
$TOOL drain jdbc:postgresql://127.0.0.1:$PG_PORT/postgres "$nodes" rectify
cleanup; pids=()
fi
[ "${SKIP_BARE:-0}" = 1 ] && exit 0

echo "== bare engine, $BARE_INSTANCES instances x 4 timers; load $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx$HEAP -jar "$BARE_JAR" --server.port=$BARE_PORT --bare.data-dir=$DATA/bare >"$DATA/bare.log" 2>&1 &
pids+=($!)
until curl -s -o /dev/null http://127.0.0.1:$BARE_PORT/; do sleep 2; done
left=$BARE_INSTANCES
while [ "$left" -gt 0 ]; do
  n=$(( left < 1000 ? left : 1000 ))
  curl -sf -X POST "http://127.0.0.1:$BARE_PORT/timers?n=$n" >/dev/null
  left=$(( left - n ))
done
BARE_PG=$(sed -n 4p "$DATA/bare/postgres/postmaster.pid")
psql -q -h 127.0.0.1 -p "$BARE_PG" -U postgres -d postgres -c analyze
$TOOL drain jdbc:postgresql://127.0.0.1:$BARE_PG/postgres http://127.0.0.1:$BARE_PORT bare

#!/usr/bin/env bash
# Faster starts for production nodes: the fat jar extracted, plus a class data sharing (CDS) archive of the classes a
# start loads, so that the JVM maps them instead of reading, inflating and verifying them on every start.
#
#   deploy/class-data-archive.sh [jar] [dir]        (defaults: target/rectify-*.jar, target/deploy)
#
# Then start a node with (from the folder that holds processes/ and rules/, or with RECTIFY_PROCESSES_DIR and
# RECTIFY_RULES_DIR set):
#   java -XX:SharedArchiveFile=<dir>/rectify.jsa -jar <dir>/rectify-<version>.jar
#
# Make the archive anew for every new jar and on the machine (JDK) that runs it. A stale or foreign archive is not an
# error: the JVM says so in one warning line and starts without it, only slower.
#
# How: a training start on a throwaway embedded database, stopped right after the application context is ready
# (-Dspring.context.exit=onRefresh), records the classes it loaded; the JVM then dumps them into the archive. The JDK
# 17 on these machines crashes while dumping lambda proxy classes (SIGSEGV in
# SystemDictionaryShared::adjust_lambda_proxy_class_dictionary, both with -XX:ArchiveClassesAtExit and with a class
# list that names them), so they are left out of the list: lambdas are then linked at run time, as without CDS.
set -euo pipefail
JAR=${1:-$(ls target/rectify-*.jar 2>/dev/null | grep -v original | head -1)}
DIR=${2:-target/deploy}
[ -f "$JAR" ] || { echo "no jar: build it first (./mvnw -DskipTests package) or name it" >&2; exit 1; }
rm -rf "$DIR" && mkdir -p "$DIR"
java -Djarmode=tools -jar "$JAR" extract --destination "$DIR" >/dev/null
APP_JAR="$DIR/$(basename "$JAR")"
TRAINING=$(mktemp -d)
stop_training_database() {
  local pidfile="$TRAINING/postgres/postmaster.pid"
  # the training JVM exits without closing the context, so its embedded PostgreSQL outlives it
  if [ -f "$pidfile" ]; then
    local pid; pid=$(head -1 "$pidfile")
    kill -INT "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  fi
  rm -rf "$TRAINING"
}
trap stop_training_database EXIT
echo "training start (class list) ..."
RECTIFY_DATA_DIR="$TRAINING" java -XX:DumpLoadedClassList="$DIR/classes.all" -Dspring.context.exit=onRefresh \
  -jar "$APP_JAR" --server.port=0 >"$DIR/training.log" 2>&1 \
  || { echo "the training start failed, see $DIR/training.log" >&2; exit 1; }
grep -v '^@lambda-proxy' "$DIR/classes.all" > "$DIR/classes.list"
echo "dumping $(wc -l < "$DIR/classes.list") classes ..."
java -Xshare:dump -XX:SharedClassListFile="$DIR/classes.list" -XX:SharedArchiveFile="$DIR/rectify.jsa" \
  -cp "$APP_JAR" >"$DIR/dump.log" 2>&1 || { echo "the dump failed, see $DIR/dump.log" >&2; exit 1; }
rm -f "$DIR/classes.all"
echo "start a node with: java -XX:SharedArchiveFile=$DIR/rectify.jsa -jar $APP_JAR"

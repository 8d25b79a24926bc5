#!/usr/bin/env bash
# Puts N seeded cases (default 100 000) into a Rectify database, straight into the tables (a few set-based SQL
# statements, no process instances), then runs ANALYZE and stops. Use a data directory of its own: history rows are
# append-only, so seeded cases cannot be removed again.
#
#   RECTIFY_DATA_DIR=/tmp/rectify-bench bench/seed-cases.sh            # 100 000 cases
#   RECTIFY_DATA_DIR=/tmp/rectify-bench bench/seed-cases.sh 20000      # another size
#
# Then start the app on the same data directory and run bench/console-bench.sh. Seeding again with the same N adds
# nothing (it tops up to N seeded cases). Takes about a minute on two cores, most of it the application's start.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-100000}"
: "${RECTIFY_DATA_DIR:?set RECTIFY_DATA_DIR to a data directory kept for benchmarks, e.g. /tmp/rectify-bench}"
export RECTIFY_DATA_DIR
export SERVER_PORT="${SERVER_PORT:-0}"
ARGS="--rectify.console.seed-cases=${N} --rectify.console.seed-exit=true"
JAR="$(ls target/rectify-*.jar 2>/dev/null | grep -v '\.original$' | head -1 || true)"
if [ -n "$JAR" ]; then
  exec java -jar "$JAR" --spring.profiles.active=demo $ARGS
fi
exec ./mvnw -q -Dmaven.test.skip=true spring-boot:run -Dspring-boot.run.arguments="$ARGS"

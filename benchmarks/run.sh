#!/usr/bin/env bash
# Builds the benchmarks module with its dependencies, then runs one benchmark in a JVM of its own.
#   ./benchmarks/run.sh engine-throughput [records] [repetitions]
#   ./benchmarks/run.sh initial-sync-heap [records]          (runs with -Xmx256m)
#   ./benchmarks/run.sh salesforce-api-calls [args...]
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:?which benchmark: engine-throughput | initial-sync-heap | salesforce-api-calls}"
shift
./mvnw -B -q -pl benchmarks -am install -DskipTests >/dev/null
./mvnw -B -q -pl benchmarks dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
cp="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
case "$what" in
  engine-throughput) exec java -Xmx2g -cp "$cp" io.github.tandemsync.benchmarks.engine.EngineThroughputBenchmark "$@" ;;
  initial-sync-heap) exec java -Xmx256m -cp "$cp" io.github.tandemsync.benchmarks.engine.InitialSyncHeapBenchmark "$@" ;;
  salesforce-api-calls) exec java -Xmx1g -cp "$cp" io.github.tandemsync.benchmarks.salesforce.SalesforceApiCallsBenchmark "$@" ;;
  *) echo "unknown benchmark: $what" >&2; exit 2 ;;
esac

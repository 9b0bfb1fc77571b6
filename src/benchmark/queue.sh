#!/bin/sh
# Queue throughput and memory benchmark: prints its figures and writes target/benchmark-queue.txt.
# Installs Debian's vips (libvips-tools) for the comparison when it is missing.
set -e
cd "$(dirname "$0")/../.."
if ! command -v vips >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
    $SUDO apt-get update -q && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q libvips-tools
fi
mvn -B -Pbenchmark verify -Dit.test=QueueBenchmark "$@"

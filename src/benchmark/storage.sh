#!/bin/sh
# Stored tiles from an S3-compatible bucket (S3Proxy on 127.0.0.1) against the local disk:
# prints tiles/s and writes target/benchmark-storage.txt. Installs Debian's wrk and
# libjpeg-turbo's TurboJPEG library (libturbojpeg0) when they are missing.
set -e
cd "$(dirname "$0")/../.."
if ! command -v wrk >/dev/null 2>&1 || ! ldconfig -p | grep -q libturbojpeg.so.0; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
    $SUDO apt-get update -q
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends wrk libturbojpeg0
fi
mvn -B -Pbenchmark verify -Dit.test=StorageBenchmark "$@"

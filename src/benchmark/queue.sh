#!/bin/sh
# Queue throughput and memory benchmark: prints its figures and writes target/benchmark-queue.txt.
# Installs Debian's vips (libvips-tools) for the comparison and for resizing the masters,
# mate-backgrounds for its photographs (the masters), and libjpeg-turbo's TurboJPEG library
# (libturbojpeg0, which the server uses when present), when they are missing.
set -e
cd "$(dirname "$0")/../.."
if ! command -v vips >/dev/null 2>&1 || ! ldconfig -p | grep -q libturbojpeg.so.0 \
        || [ ! -d /usr/share/backgrounds/mate/nature ]; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
    $SUDO apt-get update -q && $SUDO env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q --no-install-recommends libvips-tools libturbojpeg0 mate-backgrounds
fi
mvn -B -Pbenchmark verify -Dit.test=QueueBenchmark "$@"

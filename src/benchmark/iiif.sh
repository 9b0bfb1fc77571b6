#!/bin/sh
# Tile serving benchmark against IIPImage and against lighttpd serving the same tiles as static
# files (made by vips dzsave --layout iiif): prints its figures and writes target/benchmark-tiles.txt.
# Installs Debian's wrk, iipimage-server, lighttpd and libvips-tools, and libjpeg-turbo's TurboJPEG
# library (libturbojpeg0, which the server uses when present), when they are missing.
set -e
cd "$(dirname "$0")/../.."
if ! command -v wrk >/dev/null 2>&1 || ! command -v lighttpd >/dev/null 2>&1 || ! command -v vips >/dev/null 2>&1 \
        || [ ! -x /usr/lib/iipimage-server/iipsrv.fcgi ] || ! ldconfig -p | grep -q libturbojpeg.so.0; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
    $SUDO apt-get update -q
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        wrk iipimage-server lighttpd libvips-tools libturbojpeg0
fi
mvn -B -Pbenchmark verify -Dit.test=TileBenchmark "$@"

#!/bin/sh
# Tile serving benchmark against IIPImage: prints its figures and writes target/benchmark-tiles.txt.
# Installs Debian's wrk, iipimage-server and lighttpd, and libjpeg-turbo's TurboJPEG library
# (libturbojpeg0, which the server uses when present), when they are missing.
set -e
cd "$(dirname "$0")/../.."
if ! command -v wrk >/dev/null 2>&1 || ! command -v lighttpd >/dev/null 2>&1 \
        || [ ! -x /usr/lib/iipimage-server/iipsrv.fcgi ] || ! ldconfig -p | grep -q libturbojpeg.so.0; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
    $SUDO apt-get update -q
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        wrk iipimage-server lighttpd libturbojpeg0
fi
mvn -B -Pbenchmark verify -Dit.test=TileBenchmark "$@"

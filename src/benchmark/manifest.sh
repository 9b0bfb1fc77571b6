#!/bin/sh
# Manifest benchmark: registers 1,000 small images as one book, then times its 1,000-canvas
# /iiif-resource manifest (3.0, 2.1 and a 304) one request at a time; prints the median and p90
# and writes target/benchmark-manifest.txt. Needs nothing beyond Java and Maven.
set -e
cd "$(dirname "$0")/../.."
mvn -B -Pbenchmark verify -Dit.test=ManifestBenchmark "$@"

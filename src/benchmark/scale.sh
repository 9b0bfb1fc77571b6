#!/bin/sh
# Scale benchmark: the server on an embedded PostgreSQL (port 19432) with a million image rows
# bulk-loaded across 100 customers; prints the median and 95th percentile of listings, allImages,
# a batch status and a 500-canvas manifest, and the time to accept 1,000-member batches, and
# writes target/benchmark-scale.txt. Needs nothing beyond Java and Maven, and about 3 GB in /tmp.
set -e
cd "$(dirname "$0")/../.."
mvn -B -Pbenchmark verify -Dit.test=ScaleBenchmark "$@"

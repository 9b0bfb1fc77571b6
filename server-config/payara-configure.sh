#!/bin/sh
# Makes a fresh Payara Server from the unpacked distribution and configures it from
# server-config/payara.asadmin: copies DIST to HOME (replacing what was there), starts its
# domain1 (on 8080 and 4848), applies the commands, and stops it again. Called by the build for
# `mvn -Ppayara package` and for the integration tests on Payara.
# Usage: payara-configure.sh DIST HOME
set -e
DIST=$1
PAYARA_HOME=$2
HERE=$(cd "$(dirname "$0")" && pwd)
rm -rf "$PAYARA_HOME"
cp -R "$DIST" "$PAYARA_HOME"
ASADMIN="$PAYARA_HOME/bin/asadmin"
"$ASADMIN" start-domain domain1
trap '"$ASADMIN" stop-domain domain1 >/dev/null 2>&1 || true' EXIT
# multimode goes on past a failed command and reports only the last one: any failure fails the build
LOG="$PAYARA_HOME/configure.log"
"$ASADMIN" multimode --file "$HERE/payara.asadmin" 2>&1 | tee "$LOG"
if grep -q "^Command .* failed" "$LOG"; then
    echo "server-config/payara.asadmin: a command failed (see above)" >&2
    exit 1
fi
# The broker runs in a process of its own (jms-service type LOCAL, set in payara.asadmin), which
# Payara starts with the Java it runs on. Payara hands that Java's directory to OpenMQ's start
# script in quotes, which the script takes as part of the path ("Invalid J2SE location"), unless
# the start arguments name it already: so they do, unquoted. The broker's port mapper and
# connection services listen on the loopback interface only (imq.hostname): by default they take
# every interface, and OpenMQ's own accounts would then be open to the network.
JAVA_DIR=$("${JAVA_HOME:+$JAVA_HOME/bin/}java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.home = //p')
"$ASADMIN" set "configs.config.server-config.jms-service.start-args=-jrehome $JAVA_DIR -Dimq.hostname=127.0.0.1"
"$ASADMIN" stop-domain domain1
trap - EXIT

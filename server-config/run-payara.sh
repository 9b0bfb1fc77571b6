#!/bin/sh
# Starts the configured Payara Server in the foreground with the WAR deployed, the Payara
# counterpart of run-server.sh. Called by `mvn -Ppayara package`; the data (database,
# derivatives, the generated administrator key) live in $DLCS_DATA_DIR, by default data/ in the
# repository, as with WildFly. Ctrl-C stops the server.
set -e
: "${DLCS_DATA_DIR:=$DEFAULT_DATA_DIR}"
DLCS_DATA_DIR=$(mkdir -p "$DLCS_DATA_DIR" && cd "$DLCS_DATA_DIR" && pwd)
export DLCS_DATA_DIR
DOMAIN="$PAYARA_HOME/glassfish/domains/domain1"
# OpenMQ's directory (its store of waiting messages, its log) in the data directory, as WildFly
# keeps its broker's journal there: the domain directory is made anew by every
# `mvn -Ppayara package`, the data directory is not. (The transaction log is put there by
# payara.asadmin.)
mkdir -p "$DLCS_DATA_DIR/payara-broker"
rm -rf "$DOMAIN/imq"
ln -s "$DLCS_DATA_DIR/payara-broker" "$DOMAIN/imq"
DEPLOY="$DOMAIN/autodeploy"
mkdir -p "$DEPLOY"
cp "$WAR" "$DEPLOY/dlcs.war"
echo "Data directory: $DLCS_DATA_DIR"
exec "$PAYARA_HOME/bin/asadmin" start-domain --verbose domain1

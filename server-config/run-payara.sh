#!/bin/sh
# Starts the configured Payara Server in the foreground with the WAR deployed, the Payara
# counterpart of run-server.sh. Called by `mvn -Ppayara package`; the data (database,
# derivatives, the generated administrator key) live in $DLCS_DATA_DIR, by default data/ in the
# repository, as with WildFly. Ctrl-C stops the server.
set -e
: "${DLCS_DATA_DIR:=$DEFAULT_DATA_DIR}"
DLCS_DATA_DIR=$(mkdir -p "$DLCS_DATA_DIR" && cd "$DLCS_DATA_DIR" && pwd)
export DLCS_DATA_DIR
DEPLOY="$PAYARA_HOME/glassfish/domains/domain1/autodeploy"
mkdir -p "$DEPLOY"
cp "$WAR" "$DEPLOY/dlcs.war"
echo "Data directory: $DLCS_DATA_DIR"
exec "$PAYARA_HOME/bin/asadmin" start-domain --verbose domain1

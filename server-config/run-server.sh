#!/bin/sh
# Starts the configured WildFly in the foreground with the WAR deployed.
# Called by `mvn -Prun package`; the server's own files live in target/run-server,
# the data (database, derivatives, the generated administrator key) in
# $DLCS_DATA_DIR, by default data/ in the repository. With DLCS_DB_URL set, the database is that
# PostgreSQL (standalone-full-postgres.xml), not H2 in the data directory.
set -e
: "${DLCS_DATA_DIR:=$DEFAULT_DATA_DIR}"
export DLCS_DATA_DIR
mkdir -p "$RUN_BASE/deployments" "$DLCS_DATA_DIR"
rm -f "$RUN_BASE"/deployments/dlcs.war.*
cp "$WAR" "$RUN_BASE/deployments/dlcs.war"
JAVA_OPTS="${JAVA_OPTS:-$DEFAULT_JAVA_OPTS} -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true -Djboss.modules.system.pkgs=org.jboss.byteman"
export JAVA_OPTS
CONFIG=standalone-full.xml
if [ -n "${DLCS_DB_URL:-}" ]; then
    CONFIG=standalone-full-postgres.xml
    echo "Database: PostgreSQL at DLCS_DB_URL"
fi
echo "Data directory: $DLCS_DATA_DIR"
exec sh "$WILDFLY_HOME/bin/standalone.sh" -c "$CONFIG" \
    -Djboss.server.base.dir="$RUN_BASE" -b "${DLCS_BIND_ADDRESS:-127.0.0.1}" "$@"

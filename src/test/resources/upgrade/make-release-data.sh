#!/bin/sh
# Makes release-0.1-data.zip: a data directory written by the release before Flyway (schema made
# by EclipseLink), for SchemaUpgradeIT. Run from a checkout of that release after
# `mvn -o package -DskipTests`:
#   sh make-release-data.sh /path/to/that/checkout/target/wildfly-39.0.1.Final OUT.zip
# It starts that server on 127.0.0.1:8880 (port offset 800), registers images directly and
# through the queue, a named query, an origin strategy, then stops it and zips the data directory.
set -eu
WILDFLY=$1
OUT=$(realpath "$2")
WORK=$(mktemp -d)
B=http://127.0.0.1:8880
ADMIN=it-admin:it-admin-secret
J='Content-Type: application/json'

SAMPLE=$(dirname "$0")/../walkthrough/sample.jpg
vips thumbnail "$SAMPLE" "$WORK/page.jpg[Q=80]" 640
vips thumbnail "$SAMPLE" "$WORK/tall.jpg[Q=80]" 300 --height 500 --crop centre
(cd "$WORK" && exec python3 -m http.server 18820 --bind 127.0.0.1 >/dev/null 2>&1) &
ORIGIN_PID=$!

mkdir -p "$WORK/base"
cp -r "$WILDFLY/standalone/configuration" "$WORK/base/"
mkdir -p "$WORK/base/deployments"
cp "$WILDFLY/../dlcs.war" "$WORK/base/deployments/"
LAUNCH_JBOSS_IN_BACKGROUND=1 JAVA_OPTS="-Xmx512m -Djava.awt.headless=true -Djava.net.preferIPv4Stack=true -Djboss.modules.system.pkgs=org.jboss.byteman" \
  sh "$WILDFLY/bin/standalone.sh" -c standalone-full.xml -Djboss.server.base.dir="$WORK/base" \
  -Djboss.socket.binding.port-offset=800 -Ddlcs.data-dir="$WORK/data" \
  -Ddlcs.admin.key=it-admin -Ddlcs.admin.secret=it-admin-secret -Ddlcs.origin.allow-loopback=true \
  > "$WORK/console.log" 2>&1 &
SERVER_PID=$!
until curl -sf $B/ >/dev/null; do sleep 1; done

curl -sf -u $ADMIN -H "$J" -d '{"name":"oldlibrary","displayName":"Old Library"}' $B/customers >/dev/null
KEYJSON=$(curl -sf -u $ADMIN -X POST $B/customers/oldlibrary/keys)
KEY=$(echo "$KEYJSON" | sed -n 's/.*"key":"\([^"]*\)".*/\1/p')
SECRET=$(echo "$KEYJSON" | sed -n 's/.*"secret":"\([^"]*\)".*/\1/p')
U="$KEY:$SECRET"
curl -sf -u "$U" -H "$J" -d '{"name":"books"}' $B/customers/oldlibrary/spaces >/dev/null
curl -sf -u "$U" -H "$J" -d '{"name":"maps","defaultTags":["map"]}' $B/customers/oldlibrary/spaces >/dev/null
curl -sf -u "$U" -H "$J" -d '{"regex":"http://127\\.0\\.0\\.1:18820/.*","strategy":"basic-http-authentication","credentials":{"user":"u","password":"p"}}' \
  $B/customers/oldlibrary/originStrategies >/dev/null

# Registered at once.
for n in 1 2; do
  curl -sf -u "$U" -X PUT -H "$J" -d "{\"origin\":\"http://127.0.0.1:18820/page.jpg\",\"string1\":\"book-1\",\"number1\":$n,\"tags\":[\"old\"]}" \
    $B/customers/oldlibrary/spaces/1/images/page-$n >/dev/null
done
curl -sf -u "$U" -X PUT -H "$J" -d '{"origin":"http://127.0.0.1:18820/tall.jpg","string2":"chart"}' \
  $B/customers/oldlibrary/spaces/2/images/chart >/dev/null

# Through the queues: two pages and one member whose origin is missing (an error), then a
# priority batch.
curl -sf -u "$U" -H "$J" -d '{"@type":"Collection","member":[
  {"id":"page-3","space":1,"origin":"http://127.0.0.1:18820/page.jpg","string1":"book-1","number1":3},
  {"id":"page-4","space":1,"origin":"http://127.0.0.1:18820/page.jpg","string1":"book-1","number1":4},
  {"id":"missing","space":1,"origin":"http://127.0.0.1:18820/no-such.jpg","string1":"book-2"}]}' \
  $B/customers/oldlibrary/queue >/dev/null
curl -sf -u "$U" -H "$J" -d '{"@type":"Collection","member":[
  {"id":"urgent","space":2,"origin":"http://127.0.0.1:18820/tall.jpg","number1":7}]}' \
  $B/customers/oldlibrary/queue/priority >/dev/null

curl -sf -u "$U" -H "$J" -d '{"name":"pages","template":"space=p1&s1=p2&canvas=n1"}' \
  $B/customers/oldlibrary/namedQueries >/dev/null

# Wait until both batches have ended.
until [ "$(curl -sf -u "$U" $B/customers/oldlibrary/queue/active | sed -n 's/.*"totalItems":\([0-9]*\).*/\1/p')" = 0 ]; do
  sleep 1
done
echo "$U" > "$WORK/data/oldlibrary-key.txt"
kill $SERVER_PID
wait $SERVER_PID || true
kill $ORIGIN_PID
rm -f "$OUT"
(cd "$WORK/data" && zip -qr -9 "$OUT" .)
rm -rf "$WORK"

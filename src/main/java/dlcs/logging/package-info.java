/**
 * What the server writes for its operators, beside the messages of each feature: one line per
 * ingest attempt (logger {@code dlcs.log.ingest}) and one per HTTP request (logger
 * {@code dlcs.log.access}), each a fixed order of {@code key=value} pairs that grep and any
 * logfmt parser read. Both are plain {@code java.util.logging}, so that the server's own
 * handlers and formatters (WildFly's JSON formatter, Payara's) carry them, and the same WAR
 * logs the same way on either server. A line holds names, numbers and paths, never a query
 * string, a header, an origin URL or a message that might quote one: origins can carry
 * private hosts, and the failures' own messages name them.
 */
package dlcs.logging;

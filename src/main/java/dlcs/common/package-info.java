/**
 * What every feature shares and no feature owns: the base type of the failures a client is told
 * about ({@link dlcs.common.ClientError}), the three that every feature raises (invalid input, an
 * unknown resource, a conflict), the one table that turns any exception into a status
 * ({@link dlcs.common.Problem}), typed reads of JSON request bodies, the one JSON provider that
 * builds and reads all JSON ({@link dlcs.common.Jsons}), and networks in CIDR form
 * ({@link dlcs.common.Cidr}). It imports no feature, so
 * that features can depend on it without depending on each other.
 */
package dlcs.common;

/**
 * IIIF Image API delivery, 3.0 and 2.1 at level 2, and the level 0 thumbnail service. Servlets
 * (the hot path, not JAX-RS) parse each URI segment into a value in {@code entity} (syntax
 * errors are 400, valid but unsupported requests 501); {@code control} finds the image (kept in
 * memory after the first request) and either sends a stored tile's bytes as they are or renders
 * the request from the stored pyramid through {@code imaging}.
 */
package dlcs.iiif;

/**
 * IIIF Image API delivery. A servlet (the hot path, not JAX-RS) parses each URI segment into a
 * value in {@code entity} (syntax errors are 400, valid but unsupported requests 501) and
 * renders from the stored pyramid through {@code imaging}.
 */
package dlcs.iiif;

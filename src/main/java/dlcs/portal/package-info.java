/**
 * The portal: a web page at {@code /portal/} to manage spaces, upload images, view them in deep
 * zoom, follow batches, see a space's images as books, and make and try named queries; and a
 * book viewer page ({@code /portal/viewer.html}, Mirador) for this server's manifests. It is
 * static files (HTML, ES modules, CSS) that talk to the registration API with the user's key;
 * {@code boundary} serves them and the packaged viewers. Mirador is fetched by the build from
 * the npm registry, so that running the server needs nothing but Java and Maven.
 */
package dlcs.portal;

/**
 * The portal: a web page at {@code /portal/} to manage spaces, upload images, view them in deep
 * zoom and follow batches. It is static files (HTML, ES modules, CSS) that talk to the
 * registration API with the user's key; {@code boundary} serves them and the packaged viewer.
 */
package dlcs.portal;

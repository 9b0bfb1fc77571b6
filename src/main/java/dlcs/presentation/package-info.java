/**
 * IIIF Presentation manifests, 3.0 and 2.1, for the anonymous public: one canvas for a single
 * image ({@code /iiif-manifest}), and the images a named query selects in its order
 * ({@code /iiif-resource}). Servlets, as for the image services, since a viewer asks for a
 * manifest before anything else. The selection is one query ({@link
 * dlcs.presentation.control.ImageSelections}, declared here and implemented by the named-query
 * feature, so that this package imports none of it); the manifest is built from the image rows
 * alone (sizes, thumbnail sizes worked out as ingest makes them, metadata), with no file read
 * per image.
 *
 * <p>The JSON is written by hand through JSON-P, from a small model ({@code entity}) that both
 * versions share, rather than with a Presentation library. The two on Maven Central were tried:
 * each speaks one version only ({@code info.freelibrary:jiiify-presentation-v3} 0.12.x the 3.0
 * API, {@code de.digitalcollections.iiif:iiif-apis} 0.3.11 the 2.1 API), so both would be needed;
 * both are built on Jackson, which WildFly puts ahead of a WAR's own jars for every JAX-RS
 * deployment (its 2.20, not the 2.13 and 2.17 they were built with), and they would add about
 * 8 MB (Guava, Reflections and Javassist, jsoup). jiiify runs every label and metadata string
 * through jsoup's HTML cleaner: 100-180 ms for 1,000 canvases before a byte is written (the
 * whole request has 200 ms), and it changes what it cleans ({@code x&amp;y} became {@code x&y},
 * {@code <b>bold</b>} became {@code bold}). Written directly, 1,000 canvases take a few
 * milliseconds, and the tests hold the 3.0 output to the IIIF Presentation 3.0 JSON Schema.
 */
package dlcs.presentation;

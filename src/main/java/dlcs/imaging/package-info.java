/**
 * Pixels: recognising formats from bytes, decoding with limits, writing the pyramidal tiled
 * JPEG TIFF and the thumbnails, and reading regions back. Knows no protocol (no IIIF, no HTTP).
 * Everything goes through {@code javax.imageio} readers and writers looked up by format name,
 * so an ImageIO plugin (imageio-ext, say) on the classpath takes part without code changes.
 */
package dlcs.imaging;

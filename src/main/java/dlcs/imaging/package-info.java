/**
 * Pixels: recognising formats from bytes, decoding with limits, writing the pyramidal tiled
 * JPEG TIFF and the thumbnails, indexing a stored pyramid and reading tiles and regions back,
 * mirroring and rotating. Knows no protocol (no IIIF, no HTTP). Masters are decoded, and
 * responses in formats other than JPEG written, through {@code javax.imageio} readers and
 * writers looked up by format name, so an ImageIO plugin (imageio-ext, say) on the classpath
 * takes part without code changes; a JPEG master is decoded by libjpeg-turbo to its planes
 * instead, when the system has it, and its pyramid made from them (the costliest work of
 * ingest, kept off the heap). JPEG (tiles, thumbnails, responses) goes through
 * libjpeg-turbo when the system has it, bypassing ImageIO, and through the ImageIO JPEG reader
 * and writer only without it. The TIFF container of the pyramid is written and indexed here,
 * so that tiles are encoded straight from the decoded bands and can be served without touching
 * their pixels.
 */
package dlcs.imaging;

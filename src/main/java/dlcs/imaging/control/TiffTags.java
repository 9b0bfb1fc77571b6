package dlcs.imaging.control;

/**
 * The numbers of TIFF 6.0 that the pyramid's container uses: tags, field types and the values
 * it sets. {@link TiledTiffWriter} writes them and {@link PyramidIndex} reads them back, so both
 * take them from here.
 */
final class TiffTags {

    static final int NEW_SUBFILE_TYPE = 254;
    static final int IMAGE_WIDTH = 256;
    static final int IMAGE_LENGTH = 257;
    static final int BITS_PER_SAMPLE = 258;
    static final int COMPRESSION = 259;
    static final int PHOTOMETRIC_INTERPRETATION = 262;
    static final int SAMPLES_PER_PIXEL = 277;
    static final int X_RESOLUTION = 282;
    static final int Y_RESOLUTION = 283;
    static final int PLANAR_CONFIGURATION = 284;
    static final int RESOLUTION_UNIT = 296;
    static final int TILE_WIDTH = 322;
    static final int TILE_LENGTH = 323;
    static final int TILE_OFFSETS = 324;
    static final int TILE_BYTE_COUNTS = 325;
    static final int YCBCR_SUBSAMPLING = 530;
    static final int YCBCR_POSITIONING = 531;
    static final int REFERENCE_BLACK_WHITE = 532;

    static final short SHORT = 3;
    static final short LONG = 4;
    static final short RATIONAL = 5;

    /** Compression: one complete JPEG stream per tile (TIFF Technical Note 2). */
    static final int COMPRESSION_JPEG = 7;
    static final int PHOTOMETRIC_BLACK_IS_ZERO = 1;
    static final int PHOTOMETRIC_YCBCR = 6;

    private TiffTags() {
    }
}

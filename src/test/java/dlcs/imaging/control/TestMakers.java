package dlcs.imaging.control;

/** DerivativeMakers configured as the server's defaults are, but for a smaller whole-decode limit. */
public final class TestMakers {

    private TestMakers() {
    }

    public static DerivativeMaker configured() {
        DerivativeMaker maker = new DerivativeMaker();
        maker.maxPixels = 40_000_000;
        maker.maxPixelsByRegion = 1_000_000_000;
        maker.maxDecodedMegabytes = 512;
        maker.maxSide = 65_535;
        maker.maxTiles = 100_000;
        maker.jpegQuality = 85;
        return maker;
    }
}

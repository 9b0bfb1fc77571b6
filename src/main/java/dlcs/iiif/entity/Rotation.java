package dlcs.iiif.entity;

import java.awt.Dimension;
import java.math.BigDecimal;

/**
 * The rotation segment (Image API 3.0 section 4.3, 2.1 section 4.3): degrees clockwise from 0
 * to 360, after a horizontal flip when prefixed with {@code !}.
 */
public record Rotation(double degrees, boolean mirror) {

    public static Rotation parse(String segment) {
        boolean mirror = segment.startsWith("!");
        String number = mirror ? segment.substring(1) : segment;
        double degrees;
        try {
            degrees = Numbers.decimal(number, "rotation");
        } catch (InvalidIiifRequestException e) {
            throw new InvalidIiifRequestException("The rotation '" + segment + "' is not a number of degrees from 0"
                    + " to 360, optionally after ! for mirroring.");
        }
        if (degrees > 360) {
            throw new InvalidIiifRequestException("The rotation must be from 0 to 360 degrees, not " + number + ".");
        }
        return new Rotation(degrees == 360 ? 0 : degrees, mirror);
    }

    /** No flip, no turn: the pixels go out as they are. */
    public boolean isNone() {
        return degrees == 0 && !mirror;
    }

    /** A quarter turn, half turn or three quarters: no resampling, no background. */
    public boolean isRightAngle() {
        return degrees % 90 == 0;
    }

    /**
     * The size of a {@code size} image once turned: its bounding box, which any turn but a right
     * angle makes larger (each side at most {@code Integer.MAX_VALUE}: saturated, never wrapped).
     */
    public Dimension turned(Dimension size) {
        double radians = Math.toRadians(degrees);
        double sin = Math.abs(Math.sin(radians));
        double cos = Math.abs(Math.cos(radians));
        return new Dimension(side(size.width * cos + size.height * sin), side(size.width * sin + size.height * cos));
    }

    private static int side(double length) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.round(length)));
    }

    /** The canonical form: the shortest decimal, {@code !} when mirrored. */
    public String canonical() {
        String number = BigDecimal.valueOf(degrees).stripTrailingZeros().toPlainString();
        return (mirror ? "!" : "") + number;
    }
}

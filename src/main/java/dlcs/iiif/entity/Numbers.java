package dlcs.iiif.entity;

import java.util.regex.Pattern;

/** Strict number parsing for IIIF segments: no signs, no exponents, no spaces. */
final class Numbers {

    private static final Pattern INTEGER = Pattern.compile("\\d{1,9}");
    private static final Pattern DECIMAL =
            Pattern.compile("\\d{1,9}(\\.\\d{1,12})?|\\.\\d{1,12}");

    private Numbers() {
    }

    static int[] fourIntegers(String text, String segment) {
        String[] parts = text.split(",", -1);
        if (parts.length != 4) {
            throw new InvalidIiifRequestException("The " + segment + " '" + text
                    + "' is not full, square, x,y,w,h or pct:x,y,w,h.");
        }
        int[] values = new int[4];
        for (int i = 0; i < 4; i++) {
            values[i] = integer(parts[i], segment);
        }
        return values;
    }

    static double[] fourDecimals(String text, String segment) {
        String[] parts = text.split(",", -1);
        if (parts.length != 4) {
            throw new InvalidIiifRequestException("The " + segment + " 'pct:" + text + "' needs four numbers.");
        }
        double[] values = new double[4];
        for (int i = 0; i < 4; i++) {
            values[i] = decimal(parts[i], segment);
        }
        return values;
    }

    static int integer(String text, String segment) {
        if (!INTEGER.matcher(text).matches()) {
            throw new InvalidIiifRequestException("'" + text + "' in the " + segment
                    + " is not a non-negative whole number.");
        }
        return Integer.parseInt(text);
    }

    static double decimal(String text, String segment) {
        if (!DECIMAL.matcher(text).matches()) {
            throw new InvalidIiifRequestException("'" + text + "' in the " + segment + " is not a non-negative number.");
        }
        return Double.parseDouble(text);
    }
}

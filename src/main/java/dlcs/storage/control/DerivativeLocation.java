package dlcs.storage.control;

import java.security.SecureRandom;

/**
 * Where one version of an image's derivative lives. Every ingest writes a new version, so a
 * failed re-registration never touches the version that is serving.
 */
public record DerivativeLocation(long customer, int space, String imageId, String version) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A new version of an image, named so that no other ingest uses it: time first, so that
     * listings sort roughly by age, then random, so that two nodes never pick the same name.
     */
    static DerivativeLocation next(long customer, int space, String imageId) {
        String version = Long.toString(System.currentTimeMillis(), 36) + "-"
                + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
        return new DerivativeLocation(customer, space, imageId, version);
    }

    /** The image's part of a store: {@code customer/space/image id}, without a trailing '/'. */
    static String imagePath(long customer, int space, String imageId) {
        return customer + "/" + space + "/" + imageId;
    }

    /** {@code customer/space/image id/version}, without a trailing '/': how stores and caches name it. */
    public String path() {
        return imagePath(customer, space, imageId) + "/" + version;
    }

    /**
     * The location a store path {@code customer/space/image id/version} names, or null if it is
     * not of that shape (the numbers too long or not digits, a part empty).
     */
    static DerivativeLocation parse(String path) {
        String[] parts = path.split("/", -1);
        if (parts.length != 4 || parts[2].isEmpty() || parts[3].isEmpty()) {
            return null;
        }
        Long customer = number(parts[0], 18);
        Long space = number(parts[1], 9);
        return customer == null || space == null ? null
                : new DerivativeLocation(customer, space.intValue(), parts[2], parts[3]);
    }

    /**
     * The version that a file's store path {@code customer/space/image id/version/file} belongs
     * to, or null if the path is not of that shape.
     */
    static DerivativeLocation ofFile(String path) {
        String[] parts = path.split("/", 5);
        return parts.length == 5 && !parts[4].isEmpty()
                ? parse(String.join("/", parts[0], parts[1], parts[2], parts[3])) : null;
    }

    /** The number a directory or key part names, or null if it is not 1 to {@code maxDigits} digits. */
    static Long number(String name, int maxDigits) {
        return !name.isEmpty() && name.length() <= maxDigits && name.chars().allMatch(c -> c >= '0' && c <= '9')
                ? Long.valueOf(name) : null;
    }
}

package dlcs.imaging.control;

import dlcs.imaging.entity.DerivativeBytes;
import dlcs.imaging.entity.Dimensions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file layout of one derivative version: {@code image.tif} and {@code thumbs/WxH.jpg}. Written
 * into a local directory ({@link Path}s), read back by name, '/' between directories, from
 * wherever the version is stored.
 */
public final class DerivativeFiles {

    public static final String PYRAMID = "image.tif";
    private static final String THUMBS = "thumbs";
    private static final Pattern THUMB = Pattern.compile(THUMBS + "/(\\d+)x(\\d+)\\.jpg");

    private DerivativeFiles() {
    }

    public static Path pyramid(Path directory) {
        return directory.resolve(PYRAMID);
    }

    public static Path thumbnails(Path directory) {
        return directory.resolve(THUMBS);
    }

    public static Path thumbnail(Path directory, Dimensions size) {
        return directory.resolve(thumbnailName(size));
    }

    /** The name of the thumbnail of {@code size} in its version. */
    public static String thumbnailName(Dimensions size) {
        return THUMBS + "/" + size.width() + "x" + size.height() + ".jpg";
    }

    /** The thumbnails among a version's files, largest first. */
    public static List<Dimensions> listThumbnails(Collection<String> names) {
        List<Dimensions> sizes = new ArrayList<>();
        for (String name : names) {
            Matcher m = THUMB.matcher(name);
            if (m.matches()) {
                sizes.add(new Dimensions(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
            }
        }
        sizes.sort(Comparator.comparingLong(Dimensions::pixels).reversed());
        return sizes;
    }

    /**
     * The bytes of a version's files, by name with their sizes: those under {@code thumbs/} are
     * the thumbnails, everything else is the derivative.
     */
    public static DerivativeBytes measure(Map<String, Long> files) {
        long derivative = 0;
        long thumbnails = 0;
        for (Map.Entry<String, Long> file : files.entrySet()) {
            if (file.getKey().startsWith(THUMBS + "/")) {
                thumbnails += file.getValue();
            } else {
                derivative += file.getValue();
            }
        }
        return new DerivativeBytes(derivative, thumbnails);
    }
}

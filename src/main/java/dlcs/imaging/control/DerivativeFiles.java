package dlcs.imaging.control;

import dlcs.imaging.entity.DerivativeBytes;
import dlcs.imaging.entity.Dimensions;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The file layout inside one derivative directory: {@code image.tif} and {@code thumbs/WxH.jpg}. */
public final class DerivativeFiles {

    private static final Pattern THUMB = Pattern.compile("(\\d+)x(\\d+)\\.jpg");

    private DerivativeFiles() {
    }

    public static Path pyramid(Path directory) {
        return directory.resolve("image.tif");
    }

    public static Path thumbnails(Path directory) {
        return directory.resolve("thumbs");
    }

    public static Path thumbnail(Path directory, Dimensions size) {
        return thumbnails(directory).resolve(size.width() + "x" + size.height() + ".jpg");
    }

    /** The thumbnails present, largest first. */
    public static List<Dimensions> listThumbnails(Path directory) throws IOException {
        List<Dimensions> sizes = new ArrayList<>();
        Path thumbs = thumbnails(directory);
        if (!Files.isDirectory(thumbs)) {
            return sizes;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(thumbs, "*.jpg")) {
            for (Path file : files) {
                Matcher m = THUMB.matcher(file.getFileName().toString());
                if (m.matches()) {
                    sizes.add(new Dimensions(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
                }
            }
        }
        sizes.sort(Comparator.comparingLong(Dimensions::pixels).reversed());
        return sizes;
    }

    /**
     * The bytes of the files in one derivative directory: those under {@code thumbs/} are the
     * thumbnails, everything else is the derivative. Links are not followed.
     */
    public static DerivativeBytes measure(Path directory) throws IOException {
        Path thumbs = thumbnails(directory);
        long[] bytes = new long[2];
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile()) {
                    bytes[file.startsWith(thumbs) ? 1 : 0] += attributes.size();
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return new DerivativeBytes(bytes[0], bytes[1]);
    }
}

package dlcs.backup.control;

import dlcs.backup.entity.Backup.Copied;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Copies a directory tree of files that are never rewritten once written (derivative versions):
 * as hard links where source and target share a file system, which takes no space and no time
 * per byte, else as copies. Files and directories that vanish meanwhile are passed over (a version
 * being written when the copy began, that nothing names); links are not followed. Free space is
 * watched as it goes, and the copy stops with a 507 when less than {@code reserve} bytes are left.
 */
final class TreeCopy extends SimpleFileVisitor<Path> {

    /** How many linked files between two looks at the free space (copies look before each file). */
    private static final int CHECK_EVERY = 1000;

    private final Path source;
    private final Path target;
    private final FileStore targetStore;
    private final long reserve;
    private boolean link;
    private long files;
    private long bytes;

    private TreeCopy(Path source, Path target, long reserve) throws IOException {
        this.source = source;
        this.target = target;
        this.targetStore = Files.getFileStore(target.getParent());
        this.reserve = reserve;
        this.link = Files.getFileStore(source).equals(targetStore);
    }

    /** Copies {@code source} into {@code target} (which must not exist yet; its parent must). */
    static Copied copy(Path source, Path target, long reserve) throws IOException {
        Files.createDirectory(target);
        if (!Files.isDirectory(source)) {
            return new Copied(0, 0, true);
        }
        TreeCopy copy = new TreeCopy(source, target, reserve);
        Files.walkFileTree(source, copy);
        return new Copied(copy.files, copy.bytes, copy.link);
    }

    /** The bytes a copy of {@code source} into {@code targetParent} takes: none where it can link. */
    static long bytesNeeded(Path source, Path targetParent) throws IOException {
        if (!Files.isDirectory(source) || Files.getFileStore(source).equals(Files.getFileStore(targetParent))) {
            return 0;
        }
        long[] total = {0};
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                total[0] += attributes.isRegularFile() ? attributes.size() : 0;
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) {
                return FileVisitResult.CONTINUE;
            }
        });
        return total[0];
    }

    @Override
    public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) throws IOException {
        if (!directory.equals(source)) {
            Files.createDirectory(target.resolve(source.relativize(directory).toString()));
        }
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
        if (!attributes.isRegularFile()) {
            return FileVisitResult.CONTINUE;
        }
        if ((!link || files % CHECK_EVERY == 0) && targetStore.getUsableSpace() < reserve) {
            throw new BackupSpaceException("Less than " + reserve / (1024 * 1024) + " MB is left free where the"
                    + " backup goes (" + target.getParent() + ") after " + files + " derivative files; the backup is"
                    + " removed. Free space there, or set dlcs.backup.directory to a larger disk.");
        }
        Path copy = target.resolve(source.relativize(file).toString());
        try {
            place(file, copy);
        } catch (NoSuchFileException vanished) {
            return FileVisitResult.CONTINUE;
        }
        files++;
        bytes += attributes.size();
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
        if (failure instanceof NoSuchFileException) {
            return FileVisitResult.CONTINUE;
        }
        throw failure;
    }

    private void place(Path file, Path copy) throws IOException {
        if (link) {
            try {
                Files.createLink(copy, file);
                return;
            } catch (NoSuchFileException vanished) {
                throw vanished;
            } catch (UnsupportedOperationException | FileSystemException cannotLink) {
                // another file system than the derivatives' (or one without hard links): copy
                // this file and every one after it
                link = false;
            }
        }
        Files.copy(file, copy);
    }
}

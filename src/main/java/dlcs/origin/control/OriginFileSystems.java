package dlcs.origin.control;

import java.time.Duration;
import org.apache.commons.vfs2.FileObject;
import org.apache.commons.vfs2.FileSystemException;
import org.apache.commons.vfs2.FileSystemOptions;
import org.apache.commons.vfs2.cache.NullFilesCache;
import org.apache.commons.vfs2.impl.DefaultFileSystemManager;
import org.apache.commons.vfs2.provider.ftp.FtpFileProvider;
import org.apache.commons.vfs2.provider.ftps.FtpsFileProvider;
import org.apache.commons.vfs2.provider.sftp.SftpFileProvider;

/**
 * The application's one Commons VFS {@code FileSystemManager}, with exactly the origin schemes:
 * http and https through {@link GuardedHttpProvider}, ftp and ftps, sftp, and s3 through
 * {@link S3Provider}. Nothing else (no file:, no zip:, no tmp:) can be resolved through it. No
 * file objects are cached between fetches.
 */
final class OriginFileSystems implements AutoCloseable {

    private final DefaultFileSystemManager manager = new DefaultFileSystemManager();

    OriginFileSystems(NetworkRules rules, Duration connectTimeout, Duration readTimeout, int maxRedirects) {
        try {
            manager.addProvider("http", new GuardedHttpProvider(false, rules, connectTimeout, readTimeout,
                    maxRedirects));
            manager.addProvider("https", new GuardedHttpProvider(true, rules, connectTimeout, readTimeout,
                    maxRedirects));
            manager.addProvider("ftp", new FtpFileProvider());
            manager.addProvider("ftps", new FtpsFileProvider());
            manager.addProvider("sftp", new SftpFileProvider());
            manager.addProvider("s3", new S3Provider(rules));
            manager.setFilesCache(new NullFilesCache());
            manager.init();
        } catch (FileSystemException e) {
            throw new IllegalStateException("Cannot set up the origin file systems: " + e.getMessage(), e);
        }
    }

    FileObject resolve(String uri, FileSystemOptions options) throws FileSystemException {
        return manager.resolveFile(uri, options);
    }

    /** Ends the file system of one fetch: its connection, session or client. */
    void release(FileObject file) {
        manager.closeFileSystem(file.getFileSystem());
    }

    @Override
    public void close() {
        manager.close();
    }
}

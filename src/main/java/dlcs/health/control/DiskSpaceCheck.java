package dlcs.health.control;

import dlcs.storage.control.DataDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the file system of the data directory has at least {@code dlcs.health.min-free-disk-mb}
 * free for this server's user: the database, the broker's journal and each fetched master are
 * written there, and a full disk fails them all at once. Reports the free and the required bytes.
 */
@Readiness
@ApplicationScoped
public class DiskSpaceCheck implements HealthCheck {

    private static final long MEGABYTE = 1024 * 1024;

    @Inject
    DataDirectory data;

    @Inject
    @ConfigProperty(name = "dlcs.health.min-free-disk-mb", defaultValue = "1024")
    long minFreeMegabytes;

    @Override
    public HealthCheckResponse call() {
        return Checks.run("disk-space", answer -> {
            long free = Files.getFileStore(data.root()).getUsableSpace();
            long required = Math.max(0, minFreeMegabytes) * MEGABYTE;
            answer.status(free >= required).withData("freeBytes", free).withData("requiredFreeBytes", required);
        });
    }
}

package dlcs.it;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The H2 database in a stopped server's data directory, opened with the server's own H2 driver
 * (the module in the provisioned WildFly), so that a test can make it look as an earlier release
 * left it, or look at what a start did to it.
 */
final class DataDirectoryDatabase {

    /** Work done on an open connection. */
    interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private DataDirectoryDatabase() {
    }

    static <T> T with(Path data, Work<T> work) throws Exception {
        Path modules = Path.of(System.getProperty("jboss.home"), "modules/system/layers/base/com/h2database/h2/main");
        Path jar;
        try (Stream<Path> files = Files.list(modules)) {
            jar = files.filter(f -> f.getFileName().toString().endsWith(".jar")).findFirst().orElseThrow();
        }
        try (URLClassLoader h2 = new URLClassLoader(new URL[]{jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Driver driver = (Driver) h2.loadClass("org.h2.Driver").getDeclaredConstructor().newInstance();
            Properties login = new Properties();
            login.put("user", "sa");
            login.put("password", "sa");
            try (Connection connection = driver.connect("jdbc:h2:file:" + data.resolve("database/dlcs"), login)) {
                return work.on(connection);
            }
        }
    }
}

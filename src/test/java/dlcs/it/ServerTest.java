package dlcs.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Black-box tests over HTTP against the built WAR in the real WildFly, which Arquillian starts
 * once for the whole run. Each test makes its own customer and data; one HTTP origin on
 * 127.0.0.1 serves them all, each under its own paths.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class ServerTest {

    private static TestOrigin sharedOrigin;

    @ArquillianResource
    protected URL base;

    @Deployment(testable = false)
    public static WebArchive war() {
        return Deployments.builtWar();
    }

    /** The origin server of the test run, started on first use and stopped with the JVM. */
    protected static synchronized TestOrigin origin() {
        if (sharedOrigin == null) {
            try {
                sharedOrigin = new TestOrigin();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(sharedOrigin::close));
        }
        return sharedOrigin;
    }
}

package dlcs.health.control;

import dlcs.ingest.control.IngestQueues;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the broker lets the application look at its normal ingest queue: a connection and
 * a session from the default JMS connection factory (the one the application sends and listens
 * with; on WildFly the pooled one), and a browser that reads whether a message waits there.
 */
@Readiness
@ApplicationScoped
public class BrokerCheck implements HealthCheck {

    @Resource(lookup = "java:comp/DefaultJMSConnectionFactory")
    ConnectionFactory factory;

    @Resource(lookup = IngestQueues.NORMAL)
    Queue queue;

    /**
     * Made as the application starts: its factory is looked up in {@code java:comp}, which the
     * thread that runs health checks (WildFly's management interface) cannot see.
     */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // creating the bean looks the factory up
    }

    @Override
    public HealthCheckResponse call() {
        return Checks.run("broker", answer -> {
            try (JMSContext jms = factory.createContext(); QueueBrowser browser = jms.createBrowser(queue)) {
                answer.withData("messagesWaiting", browser.getEnumeration().hasMoreElements());
            }
        });
    }
}

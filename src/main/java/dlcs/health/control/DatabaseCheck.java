package dlcs.health.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the database answers a trivial query, through the application's own persistence unit, within 5 s. */
@Readiness
@ApplicationScoped
public class DatabaseCheck implements HealthCheck {

    @PersistenceContext
    EntityManager em;

    @Override
    public HealthCheckResponse call() {
        return Checks.run("database", answer -> em.createNativeQuery("SELECT 1")
                .setHint("jakarta.persistence.query.timeout", 5000).getSingleResult());
    }
}

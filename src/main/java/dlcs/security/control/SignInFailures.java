package dlcs.security.control;

import dlcs.persistence.RacedInserts;
import dlcs.security.entity.SignInFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The failed sign-ins of every node, in the database: one row per key and per address. A failure
 * is one SQL increment (an insert the first time, which of two nodes at once one wins, as in
 * {@link RacedInserts}), each in a short transaction of its own, outside the request's; the read
 * before a check is one look at two rows by their key. The housekeeping sweep keeps the table
 * bounded.
 */
@ApplicationScoped
public class SignInFailures implements SharedCounts {

    @PersistenceContext
    EntityManager em;

    @Inject
    RacedInserts inserts;

    @Override
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Optional<Map<String, Counted>> read(List<String> names) {
        return Optional.of(em.createQuery("select f from SignInFailure f where f.name in :names", SignInFailure.class)
                .setParameter("names", names).getResultStream()
                .collect(Collectors.toMap(SignInFailure::name, f -> new Counted(f.failures(), f.lastFailure()))));
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(String name, Instant at, Instant restartBefore) {
        if (count(name, at, restartBefore) == 0 && !inserts.insert(new SignInFailure(name, at))) {
            // another node counted its first failure a moment ago
            count(name, at, restartBefore);
        }
    }

    private int count(String name, Instant at, Instant restartBefore) {
        return em.createQuery("update SignInFailure f set f.failures = case when f.lastFailure < :restart then 1"
                        + " else f.failures + 1 end, f.lastFailure = :at where f.name = :name")
                .setParameter("restart", restartBefore).setParameter("at", at).setParameter("name", name)
                .executeUpdate();
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void forget(String name) {
        em.createQuery("delete from SignInFailure f where f.name = :name").setParameter("name", name).executeUpdate();
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void sweep(Instant forgottenBefore, int keep) {
        em.createQuery("delete from SignInFailure f where f.lastFailure < :t").setParameter("t", forgottenBefore)
                .executeUpdate();
        List<SignInFailure> beyond = em.createQuery("select f from SignInFailure f order by f.lastFailure desc",
                SignInFailure.class).setFirstResult(keep).setMaxResults(1).getResultList();
        if (!beyond.isEmpty()) {
            em.createQuery("delete from SignInFailure f where f.lastFailure <= :t")
                    .setParameter("t", beyond.get(0).lastFailure()).executeUpdate();
        }
    }
}

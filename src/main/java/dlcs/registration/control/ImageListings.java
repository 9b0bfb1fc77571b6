package dlcs.registration.control;

import dlcs.registration.entity.Image;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;

/**
 * Pages of a customer's images, of one space or of all, as an {@link ImageQuery} filters and
 * orders them; each page is one query, and its count another.
 */
@ApplicationScoped
public class ImageListings {

    @PersistenceContext
    EntityManager em;

    /** A page of a space's images. */
    public List<Image> list(long customer, int space, ImageQuery query, int first, int max) {
        return select(customer, space, query).setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long count(long customer, int space, ImageQuery query) {
        return count(customer, (Integer) space, query);
    }

    /** A page of the images of all the customer's spaces. */
    public List<Image> listAll(long customer, ImageQuery query, int first, int max) {
        return select(customer, null, query).setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long countAll(long customer, ImageQuery query) {
        return count(customer, null, query);
    }

    private TypedQuery<Image> select(long customer, Integer space, ImageQuery query) {
        TypedQuery<Image> typed = em.createQuery("select i from Image i" + where(space, query)
                + query.orderClause("i", query.orderBy() == null ? "i.imageId, i.key" : "i.key"), Image.class);
        bind(typed, customer, space, query);
        return typed;
    }

    private long count(long customer, Integer space, ImageQuery query) {
        TypedQuery<Long> typed = em.createQuery("select count(i) from Image i" + where(space, query), Long.class);
        bind(typed, customer, space, query);
        return typed.getSingleResult();
    }

    private static String where(Integer space, ImageQuery query) {
        return " where i.customer = :customer" + (space == null ? "" : " and i.space = :space")
                + query.filter().conditions("i");
    }

    private static void bind(TypedQuery<?> typed, long customer, Integer space, ImageQuery query) {
        typed.setParameter("customer", customer);
        if (space != null) {
            typed.setParameter("space", space);
        }
        query.filter().bind(typed);
    }
}

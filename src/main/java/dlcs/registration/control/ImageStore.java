package dlcs.registration.control;

import dlcs.imaging.entity.Derivative;
import dlcs.registration.entity.Image;
import dlcs.registration.entity.ImageMetadata;
import dlcs.registration.entity.Space;
import dlcs.registration.entity.TagList;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Image rows: the short transactions around an ingest, and the queries of a space's images. */
@ApplicationScoped
public class ImageStore {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<ImageTakenOver> takenOver;

    /** The outcome of storing a finished ingest. */
    public record Saved(Image image, boolean created, String previousVersion) {
    }

    public Optional<Image> find(long customer, int space, String imageId) {
        return Optional.ofNullable(em.find(Image.class, Image.keyOf(customer, space, imageId)));
    }

    public Image get(long customer, int space, String imageId) {
        return find(customer, space, imageId).orElseThrow(() -> new UnknownResourceException(
                "Space " + space + " of customer " + customer + " has no image '" + imageId + "'."));
    }

    /** Records a finished ingest: the new metadata and the derivative version now serving. */
    @Transactional
    public Saved saveFinished(Space space, String imageId, ImageMetadata metadata, Derivative derivative,
                              String storageVersion, boolean replaceMetadata) {
        Image image = em.find(Image.class, Image.keyOf(space.customer(), space.number(), imageId));
        boolean created = image == null;
        if (created) {
            image = new Image(space.customer(), space.number(), imageId);
            em.persist(image);
        }
        if (created || replaceMetadata) {
            image.register(metadata, space);
        } else {
            image.amend(metadata);
        }
        Long heldBy = image.releaseFromBatch();
        if (heldBy != null) {
            takenOver.fire(new ImageTakenOver(image.key(), heldBy));
        }
        String previous = image.finishIngest(derivative.size().width(), derivative.size().height(),
                derivative.sourceFormat().mediaType(), storageVersion);
        em.flush();
        return new Saved(image, created, previous);
    }

    /** Changes metadata only; the derivative stays as it is. */
    @Transactional
    public Image amend(long customer, int space, String imageId, ImageMetadata metadata) {
        Image image = get(customer, space, imageId);
        image.amend(metadata);
        return image;
    }

    /** Deletes the row; returns it so that the caller can remove its files after the commit. */
    @Transactional
    public Image delete(long customer, int space, String imageId) {
        Image image = get(customer, space, imageId);
        Long heldBy = image.releaseFromBatch();
        if (heldBy != null) {
            takenOver.fire(new ImageTakenOver(image.key(), heldBy));
        }
        em.remove(image);
        return image;
    }

    public List<Image> list(long customer, int space, ImageQuery query, int first, int max) {
        TypedQuery<Image> typed = em.createQuery("select i from Image i" + where(query) + " order by i."
                + field(query.orderBy()) + (query.descending() ? " desc" : "")
                + (query.orderBy().equals("id") ? "" : ", i.imageId"), Image.class);
        bind(typed, customer, space, query);
        return typed.setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long count(long customer, int space, ImageQuery query) {
        TypedQuery<Long> typed = em.createQuery("select count(i) from Image i" + where(query), Long.class);
        bind(typed, customer, space, query);
        return typed.getSingleResult();
    }

    private static String where(ImageQuery query) {
        StringBuilder where = new StringBuilder(" where i.customer = :customer and i.space = :space");
        for (String field : query.equals().keySet()) {
            where.append(" and i.").append(field).append(" = :").append(field);
        }
        if (query.tag() != null) {
            where.append(" and i.tags like :tag escape '\\'");
        }
        return where.toString();
    }

    private static void bind(TypedQuery<?> typed, long customer, int space, ImageQuery query) {
        typed.setParameter("customer", customer).setParameter("space", space);
        for (Map.Entry<String, Object> filter : query.equals().entrySet()) {
            typed.setParameter(filter.getKey(), filter.getValue());
        }
        if (query.tag() != null) {
            typed.setParameter("tag", TagList.containing(query.tag()));
        }
    }

    private static String field(String orderBy) {
        return orderBy.equals("id") ? "imageId" : orderBy;
    }
}

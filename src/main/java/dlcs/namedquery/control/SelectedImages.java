package dlcs.namedquery.control;

import dlcs.namedquery.entity.Field;
import dlcs.namedquery.entity.ImageCriteria;
import dlcs.namedquery.entity.QueryTemplate.Ordering;
import dlcs.registration.entity.Image;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Map;

/**
 * The images that criteria select, in one database query, whatever their number: a book of a
 * thousand pages is one round trip. Only images with a derivative (a width and a height) are
 * selected. The order is the template's, then, as ties are broken and as the DLCS answers when a
 * template gives none, the order in which the images were first registered.
 */
@ApplicationScoped
public class SelectedImages {

    /** After the template's order: first registration, then space and id, so that the order is total. */
    static final String TIE_BREAK = "i.created, i.space, i.imageId";

    @PersistenceContext
    EntityManager em;

    /** At most {@code limit} images of {@code customer} that {@code criteria} select, in canvas order. */
    public List<Image> find(long customer, ImageCriteria criteria, int limit) {
        TypedQuery<Image> query = em.createQuery(jpql(criteria), Image.class).setParameter("customer", customer);
        criteria.equal().forEach((field, value) -> query.setParameter(parameter(field), value));
        return query.setMaxResults(limit).getResultList();
    }

    /** The JPQL of {@code criteria}; every value is a parameter named after its field's key. */
    static String jpql(ImageCriteria criteria) {
        StringBuilder jpql = new StringBuilder("select i from Image i where i.customer = :customer"
                + " and i.width is not null and i.height is not null");
        for (Map.Entry<Field, Object> condition : criteria.equal().entrySet()) {
            Field field = condition.getKey();
            jpql.append(" and ").append(switch (field) {
                case SPACE_NAME -> "i.space in (select s.number from Space s where s.customer = :customer"
                        + " and s.name = :" + parameter(field) + ")";
                case BATCH -> "i.batch in :" + parameter(field);
                default -> property(field) + " = :" + parameter(field);
            });
        }
        jpql.append(" order by ");
        for (Ordering ordering : criteria.ordering()) {
            jpql.append(property(ordering.field())).append(ordering.descending() ? " desc, " : ", ");
        }
        return jpql.append(TIE_BREAK).toString();
    }

    /** The Image property a field selects or orders by. */
    private static String property(Field field) {
        return switch (field) {
            case SPACE -> "i.space";
            case STRING1 -> "i.string1";
            case STRING2 -> "i.string2";
            case STRING3 -> "i.string3";
            case NUMBER1 -> "i.number1";
            case NUMBER2 -> "i.number2";
            case NUMBER3 -> "i.number3";
            case BATCH -> "i.batch";
            case SPACE_NAME -> throw new IllegalArgumentException("spacename is not a property of an image");
        };
    }

    private static String parameter(Field field) {
        return "f_" + field.key();
    }
}

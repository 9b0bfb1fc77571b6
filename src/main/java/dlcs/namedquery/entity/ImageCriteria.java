package dlcs.namedquery.entity;

import java.util.List;
import java.util.Map;

/**
 * What one run of a named query selects: the fields each image must equal (values of the
 * field's type, see {@link Field#convert}) and the canvas order. Made by {@link QueryTemplate#bind}.
 */
public record ImageCriteria(Map<Field, Object> equal, List<QueryTemplate.Ordering> ordering) {

    public ImageCriteria {
        equal = QueryTemplate.inFieldOrder(equal);
        ordering = List.copyOf(ordering);
    }
}

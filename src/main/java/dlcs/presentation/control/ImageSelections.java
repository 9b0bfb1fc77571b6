package dlcs.presentation.control;

import dlcs.registration.entity.Image;
import java.util.List;

/**
 * The images a named query selects, for the manifests of {@code /iiif-resource}. Declared here
 * and implemented by the named-query feature, so that presentation imports no class of it.
 */
public interface ImageSelections {

    /**
     * The images that the named query {@code query} of {@code customer} (its name or its number)
     * selects with the parameters taken from the path, in canvas order. Only images that have a
     * derivative (a width and a height) are selected.
     *
     * @throws dlcs.common.UnknownResourceException no such customer, or no such query for it
     * @throws dlcs.common.InvalidInputException a parameter the template cannot take
     */
    Selection select(String customer, String query, List<String> parameters);

    /** The owning customer's number and the selected images in order; empty when nothing matched. */
    record Selection(long customer, List<Image> images) {
    }
}

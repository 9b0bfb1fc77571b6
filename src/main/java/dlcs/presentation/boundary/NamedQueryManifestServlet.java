package dlcs.presentation.boundary;

import dlcs.common.InvalidInputException;
import dlcs.common.UnknownResourceException;
import dlcs.presentation.control.ImageSelections;
import dlcs.presentation.control.Labels;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import java.util.List;

/**
 * {@code /iiif-resource/[v2/|v3/]{customer}/{query}/{p1}/{p2}/...}: the manifest of the images
 * a named query selects with the parameters from the path, one canvas per image in the query's
 * order. The first segment {@code v2} or {@code v3} is always the version here (a customer of
 * that name is named by its number). The selection comes through {@link ImageSelections}, which
 * the named-query feature implements; without it, there are no named queries to answer.
 */
@WebServlet(urlPatterns = "/iiif-resource/*")
public class NamedQueryManifestServlet extends ManifestServlet {

    /** More parameters than any template takes; bounds the work a path can ask for. */
    static final int MAX_PARAMETERS = 100;

    @Inject
    Instance<ImageSelections> selections;

    @Override
    String mount() {
        return "/iiif-resource";
    }

    @Override
    boolean versioned(List<String> segments) {
        return true;
    }

    @Override
    Asked ask(List<String> segments) {
        if (segments.size() < 2) {
            throw noManifest("a named query's manifest is /iiif-resource[/v2|/v3]/{customer}/{query}/{p1}/{p2}/...,"
                    + " the customer by name or number.");
        }
        if (segments.size() - 2 > MAX_PARAMETERS) {
            throw new InvalidInputException("A named query takes at most " + MAX_PARAMETERS + " parameters, not "
                    + (segments.size() - 2) + ".");
        }
        if (!selections.isResolvable()) {
            throw new UnknownResourceException("This server has no named queries.");
        }
        String query = segments.get(1);
        List<String> parameters = List.copyOf(segments.subList(2, segments.size()));
        ImageSelections.Selection selection = selections.get().select(segments.get(0), query, parameters);
        if (selection.images().isEmpty()) {
            throw new UnknownResourceException("The named query '" + query + "' selects no image with the parameters "
                    + parameters + ".");
        }
        return new Asked(selection, Labels.ofSelection(query, parameters, selection.images()), List.of());
    }
}

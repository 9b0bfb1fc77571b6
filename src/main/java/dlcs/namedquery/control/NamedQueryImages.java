package dlcs.namedquery.control;

import dlcs.common.InvalidInputException;
import dlcs.common.UnknownResourceException;
import dlcs.namedquery.entity.NamedQuery;
import dlcs.presentation.control.ImageSelections;
import dlcs.registration.entity.Image;
import dlcs.security.control.CustomerDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs named queries for the manifests of {@code /iiif-resource}: finds the query (the
 * customer's own before a global one of the same name), binds the URL's parameters to its
 * template, and selects the images in one database query, at most
 * {@code dlcs.presentation.max-canvases} of them.
 */
@ApplicationScoped
public class NamedQueryImages implements ImageSelections {

    @Inject
    CustomerDirectory customers;

    @Inject
    NamedQueryStore queries;

    @Inject
    SelectedImages images;

    @Inject
    @ConfigProperty(name = "dlcs.presentation.max-canvases", defaultValue = "5000")
    int maxCanvases;

    @Override
    public Selection select(String customer, String query, List<String> parameters) {
        CustomerDirectory.Entry owner = customers.resolve(customer);
        NamedQuery found = queries.byName(owner.id(), query).orElseThrow(() -> new UnknownResourceException(
                "Customer " + customer + " has no named query '" + query + "', and there is no global one of"
                        + " that name."));
        int limit = Math.max(1, maxCanvases);
        List<Image> selected = images.find(owner.id(), found.parsedTemplate().bind(parameters), limit + 1);
        return new Selection(owner.id(), withinLimit(selected, limit, found.name()));
    }

    /** {@code selected}, fetched with one image more than {@code limit} allows, if it has no more than that. */
    static List<Image> withinLimit(List<Image> selected, int limit, String query) {
        if (selected.size() > limit) {
            throw new InvalidInputException("The named query '" + query + "' selects more than " + limit
                    + " images with these parameters, and a manifest has at most " + limit + " canvases"
                    + " (dlcs.presentation.max-canvases): select fewer, for example with one more parameter.");
        }
        return List.copyOf(selected);
    }
}

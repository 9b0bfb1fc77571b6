package dlcs.namedquery.control;

import dlcs.security.control.AdministratorBootstrap;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * On start: the built-in global query {@value #BOOK} exists, owned by the administrator
 * customer, unless a global query of that name does: {@code /iiif-resource/{customer}/book/{space}/{string1}}
 * is the book whose pages have that string1 in that space, in number1 order (the seed's own way of
 * registering books). An administrator may change or delete it; it comes back at the next start
 * only if no global query is called {@value #BOOK} then.
 */
@Singleton
@Startup
@DependsOn("AdministratorBootstrap")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BuiltInQueries {

    public static final String BOOK = "book";
    public static final String BOOK_TEMPLATE = "space=p1&s1=p2&canvas=n1";
    private static final Logger LOG = Logger.getLogger(BuiltInQueries.class.getName());

    @Inject
    NamedQueryStore queries;

    @PostConstruct
    void seed() {
        if (queries.ensureGlobal(AdministratorBootstrap.ADMIN_CUSTOMER, BOOK, BOOK_TEMPLATE)) {
            LOG.info("Created the global named query '" + BOOK + "' (" + BOOK_TEMPLATE + ").");
        }
    }
}

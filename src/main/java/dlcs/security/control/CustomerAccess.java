package dlcs.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Which customer of a path a caller may act on. A customer key that names another customer gets
 * 403 whether or not that customer exists, so it learns nothing about it.
 */
@ApplicationScoped
public class CustomerAccess {

    @Inject
    CustomerDirectory customers;

    /** The customer {@code idOrName} (its number or its name), if {@code caller} may act on it. */
    public CustomerDirectory.Entry customer(Caller caller, String idOrName) {
        if (caller.administrator()) {
            return customers.resolve(idOrName);
        }
        CustomerDirectory.Entry own = customers.find(caller.customer())
                .orElseThrow(() -> new AccessDeniedException("This key's customer no longer exists."));
        if (idOrName.equals(Long.toString(own.id())) || idOrName.equals(own.name())) {
            return own;
        }
        throw new AccessDeniedException("This key belongs to customer " + own.id()
                + " and may act only on it; use that customer's path or an administrator key.");
    }
}

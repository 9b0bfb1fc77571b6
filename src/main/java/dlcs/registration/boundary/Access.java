package dlcs.registration.boundary;

import dlcs.registration.control.CustomerStore;
import dlcs.registration.control.SpaceStore;
import dlcs.registration.control.UnknownResourceException;
import dlcs.registration.entity.Customer;
import dlcs.registration.entity.Space;
import dlcs.security.control.AccessDeniedException;
import dlcs.security.control.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Resolves the customer and space of a path for a caller. A customer key that names another
 * customer gets 403 whether or not that customer exists, so it learns nothing about it.
 */
@ApplicationScoped
public class Access {

    @Inject
    CustomerStore customers;

    @Inject
    SpaceStore spaces;

    public Customer customer(Caller caller, String idOrName) {
        if (caller.administrator()) {
            return customers.resolve(idOrName);
        }
        Customer own = customers.find(caller.customer())
                .orElseThrow(() -> new AccessDeniedException("This key's customer no longer exists."));
        if (idOrName.equals(Long.toString(own.id())) || idOrName.equals(own.name())) {
            return own;
        }
        throw new AccessDeniedException("This key belongs to customer " + own.id()
                + " and may act only on it; use that customer's path or an administrator key.");
    }

    public Space space(Caller caller, String customer, String space) {
        Customer owner = customer(caller, customer);
        return spaces.get(owner.id(), spaceNumber(space));
    }

    static int spaceNumber(String space) {
        if (space.matches("\\d{1,9}")) {
            return Integer.parseInt(space);
        }
        throw new UnknownResourceException("There is no space '" + space + "': spaces are numbered.");
    }
}

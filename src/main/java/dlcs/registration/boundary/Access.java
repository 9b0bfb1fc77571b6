package dlcs.registration.boundary;

import dlcs.common.UnknownResourceException;
import dlcs.registration.control.CustomerStore;
import dlcs.registration.control.SpaceStore;
import dlcs.registration.entity.Customer;
import dlcs.registration.entity.Space;
import dlcs.security.control.Caller;
import dlcs.security.control.CustomerAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The customer and space of a path, as entities, once {@link CustomerAccess} has let the caller in. */
@ApplicationScoped
public class Access {

    @Inject
    CustomerAccess access;

    @Inject
    CustomerStore customers;

    @Inject
    SpaceStore spaces;

    public Customer customer(Caller caller, String idOrName) {
        long id = access.customer(caller, idOrName).id();
        return customers.find(id).orElseThrow(() -> new UnknownResourceException("There is no customer " + id + "."));
    }

    public Space space(Caller caller, String customer, String space) {
        return spaces.get(access.customer(caller, customer).id(), spaceNumber(space));
    }

    static int spaceNumber(String space) {
        if (space.matches("\\d{1,9}")) {
            return Integer.parseInt(space);
        }
        throw new UnknownResourceException("There is no space '" + space + "': spaces are numbered.");
    }
}

package dlcs.registration.control;

import dlcs.registration.entity.Customer;
import dlcs.security.control.CustomerDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Security's view of the customers that this feature stores. */
@ApplicationScoped
public class RegisteredCustomers implements CustomerDirectory {

    @Inject
    CustomerStore customers;

    @Override
    public Optional<Entry> find(long id) {
        return customers.find(id).map(RegisteredCustomers::entry);
    }

    @Override
    public Entry resolve(String idOrName) {
        return entry(customers.resolve(idOrName));
    }

    @Override
    public void ensureAdministrator(long id, String name) {
        customers.ensureAdministrator(id, name);
    }

    @Override
    public void lock(long id) {
        customers.lock(id);
    }

    private static Entry entry(Customer customer) {
        return new Entry(customer.id(), customer.name(), customer.administrator());
    }
}

package dlcs.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.common.UnknownResourceException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CustomerAccessTest {

    private static final class Directory implements CustomerDirectory {

        private final Map<Long, Entry> entries = Map.of(
                1L, new Entry(1, "admin", true),
                5L, new Entry(5, "library", false),
                6L, new Entry(6, "museum", false));

        @Override
        public Optional<Entry> find(long id) {
            return Optional.ofNullable(entries.get(id));
        }

        @Override
        public Entry resolve(String idOrName) {
            return entries.values().stream()
                    .filter(entry -> idOrName.equals(Long.toString(entry.id())) || idOrName.equals(entry.name()))
                    .findFirst().orElseThrow(() -> new UnknownResourceException("no " + idOrName));
        }

        @Override
        public void ensureAdministrator(long id, String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void lock(long id) {
            throw new UnsupportedOperationException();
        }
    }

    private final CustomerAccess access = new CustomerAccess();

    {
        access.customers = new Directory();
    }

    @Test
    void aCustomerKeyReachesItsOwnCustomerByNumberOrName() {
        Caller library = new Caller("k", 5, false);
        assertEquals(5, access.customer(library, "5").id());
        assertEquals(5, access.customer(library, "library").id());
    }

    @Test
    void aCustomerKeyGets403ForAnotherCustomerWhetherOrNotItExists() {
        Caller library = new Caller("k", 5, false);
        for (String other : new String[]{"6", "museum", "999", "nobody"}) {
            AccessDeniedException denied = assertThrows(AccessDeniedException.class,
                    () -> access.customer(library, other));
            assertTrue(denied.getMessage().contains("customer 5"), denied.getMessage());
        }
    }

    @Test
    void aKeyWhoseCustomerIsGoneReachesNothing() {
        assertThrows(AccessDeniedException.class, () -> access.customer(new Caller("k", 7, false), "7"));
    }

    @Test
    void anAdministratorKeyReachesEveryCustomerAndLearnsWhichDoNotExist() {
        Caller admin = new Caller("a", 1, true);
        assertEquals(6, access.customer(admin, "museum").id());
        assertEquals(5, access.customer(admin, "5").id());
        assertThrows(UnknownResourceException.class, () -> access.customer(admin, "999"));
    }

    @Test
    void onlyAnAdministratorKeyPassesRequireAdministrator() {
        new Caller("a", 1, true).requireAdministrator();
        assertThrows(AccessDeniedException.class, () -> new Caller("k", 5, false).requireAdministrator());
    }
}

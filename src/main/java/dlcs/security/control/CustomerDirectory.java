package dlcs.security.control;

import java.util.Optional;

/**
 * What security needs to know of customers, which the registration feature owns. Declared here
 * and implemented there, so that security sits below registration and imports none of it.
 */
public interface CustomerDirectory {

    /** A customer as keys see it: who it is, and whether its keys administer everyone. */
    record Entry(long id, String name, boolean administrator) {
    }

    Optional<Entry> find(long id);

    /** {@code idOrName} as it appears in a path; unknown is a 404. */
    Entry resolve(String idOrName);

    /** Makes the administrator customer {@code id} exist. */
    void ensureAdministrator(long id, String name);
}

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

    /** Makes the administrator customer {@code id} exist, once, whatever other nodes start at the same moment. */
    void ensureAdministrator(long id, String name);

    /**
     * Locks the row of customer {@code id} until the caller's transaction ends, so that what is
     * decided about it (has it a key yet? its usage rows?) is decided by one node, or one request,
     * at a time.
     */
    void lock(long id);
}

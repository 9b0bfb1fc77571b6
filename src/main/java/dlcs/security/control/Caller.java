package dlcs.security.control;

import java.security.Principal;

/** Who is calling: the key they authenticated with and the customer it belongs to. */
public record Caller(String key, long customer, boolean administrator) implements Principal {

    @Override
    public String getName() {
        return key;
    }

    public void requireAdministrator() {
        if (!administrator) {
            throw new AccessDeniedException("Only an administrator key may do this.");
        }
    }
}

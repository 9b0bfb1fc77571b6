package dlcs.security.control;

import java.security.Principal;

/** Who is calling: the key they authenticated with and the customer it belongs to. */
public record Caller(String key, long customer, boolean administrator) implements Principal {

    @Override
    public String getName() {
        return key;
    }

    /** Passes for an administrator or a key of {@code customerId}; anything else is a 403. */
    public void requireCustomer(long customerId) {
        if (!administrator && customer != customerId) {
            throw new AccessDeniedException("This key belongs to another customer; use a key of customer "
                    + customerId + " or an administrator key.");
        }
    }

    public void requireAdministrator() {
        if (!administrator) {
            throw new AccessDeniedException("Only an administrator key may do this.");
        }
    }
}

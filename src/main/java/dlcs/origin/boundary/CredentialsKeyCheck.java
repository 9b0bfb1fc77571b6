package dlcs.origin.boundary;

import dlcs.origin.control.CredentialCipher;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Loads the key that seals origin credentials as the server starts, so that a node that cannot have
 * the key every node shares refuses to start, saying how to give it one, instead of failing the
 * first request that stores or uses credentials.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CredentialsKeyCheck {

    @Inject
    CredentialCipher cipher;

    @PostConstruct
    void check() {
        cipher.ready();
    }
}

package dlcs.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.security.entity.ApiKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthenticatorTest {

    /** The keys, in memory; counts how often a key is looked up, which every slow check does first. */
    private static final class Keys extends KeyStore {

        final Map<String, ApiKey> stored = new HashMap<>();
        int lookups;
        Runnable duringLookup = () -> { };

        @Override
        public Optional<ApiKey> find(String key) {
            lookups++;
            duringLookup.run();
            return Optional.ofNullable(stored.get(key));
        }

        @Override
        public void replaceHash(String key, String oldHash, String newHash) {
            stored.put(key, new ApiKey(key, stored.get(key).customer(), newHash));
        }
    }

    private static final class Customers implements CustomerDirectory {

        @Override
        public Optional<Entry> find(long id) {
            return Optional.of(new Entry(id, "c" + id, id == 1));
        }

        @Override
        public Entry resolve(String idOrName) {
            throw new UnsupportedOperationException();
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

    private final TestClock clock = new TestClock();
    private final Keys keys = new Keys();
    private final SecretHasher hasher = new SecretHasher(1_000);
    /** The database that nodes share. */
    private final CountsInMemory everyNode = new CountsInMemory();
    private final Authenticator authenticator;

    {
        keys.stored.put("key", new ApiKey("key", 5, hasher.hash("secret")));
        authenticator = node();
    }

    /** A node of the cluster: its own memory, the keys and the failure counts shared. */
    private Authenticator node() {
        Authenticator node = new Authenticator();
        node.keys = keys;
        node.customers = new Customers();
        node.everyNode = everyNode;
        node.maxFailures = 5;
        node.maxFailuresPerAddress = 20;
        node.lockoutSeconds = 1;
        node.maxLockoutSeconds = 300;
        node.clock = clock;
        node.hasher = hasher;
        node.remembered = 3;
        node.start();
        return node;
    }

    private Optional<Caller> signIn(String key, String secret) {
        return authenticator.authenticate(key, secret, "192.0.2.1");
    }

    private void assertSignedIn(String key, String secret) {
        assertEquals(Optional.of(new Caller(key, 5, false)), signIn(key, secret));
    }

    @Test
    void aSuccessIsRememberedForAMinuteSoTheHashIsNotPaidAgain() {
        assertSignedIn("key", "secret");
        assertSignedIn("key", "secret");
        assertEquals(1, keys.lookups, "checked once");
        clock.advance(Authenticator.REMEMBER);
        assertSignedIn("key", "secret");
        assertEquals(2, keys.lookups, "checked again after a minute");
    }

    @Test
    void aWrongSecretForARememberedKeyIsCheckedAndCountedLikeAnyOther() {
        assertSignedIn("key", "secret");
        for (int i = 0; i < 5; i++) {
            assertEquals(Optional.empty(), signIn("key", "wrong"));
        }
        assertEquals(6, keys.lookups, "each wrong secret was checked");
        assertThrows(SignInThrottledException.class, () -> signIn("key", "secret"),
                "and counted: the right secret is refused too until the back-off has passed");
        clock.advance(Duration.ofSeconds(1));
        assertSignedIn("key", "secret");
    }

    @Test
    void aThrottledAttemptIsRefusedBeforeAnythingIsLookedUpOrHashed() {
        for (int i = 0; i < 5; i++) {
            signIn("no-such-key", "guess");
        }
        int before = keys.lookups;
        SignInThrottledException refused = assertThrows(SignInThrottledException.class,
                () -> signIn("no-such-key", "guess"));
        assertEquals(Map.of("Retry-After", "1"), refused.headers());
        assertEquals(before, keys.lookups);
    }

    @Test
    void failuresOnOneNodeCountOnAnotherWhichRefusesBeforeHashing() {
        Authenticator otherNode = node();
        for (int i = 0; i < 4; i++) {
            assertEquals(Optional.empty(), signIn("key", "wrong"));
        }
        assertEquals(Optional.empty(), otherNode.authenticate("key", "wrong", "192.0.2.1"), "the fifth, elsewhere");
        int before = keys.lookups;
        assertThrows(SignInThrottledException.class, () -> signIn("key", "secret"), "refused here as well");
        assertEquals(before, keys.lookups, "without a check");
        clock.advance(Duration.ofSeconds(1));
        assertSignedIn("key", "secret");
        for (int i = 0; i < 4; i++) {
            assertEquals(Optional.empty(), otherNode.authenticate("key", "wrong", "192.0.2.2"));
        }
        assertTrue(otherNode.authenticate("key", "secret", "192.0.2.2").isPresent(),
                "the success started the count again on every node: four failures since");
    }

    @Test
    void aFailureCostsAtMostTwoStatementsAndARememberedSuccessNone() {
        assertSignedIn("key", "secret");
        int afterSuccess = everyNode.statements;
        assertEquals(1, afterSuccess, "the read before the check");
        assertSignedIn("key", "secret");
        assertEquals(afterSuccess, everyNode.statements, "remembered: nothing read");
        signIn("key", "wrong");
        assertEquals(afterSuccess + 3, everyNode.statements, "the read, then the key's count and the address's");
    }

    @Test
    void withTheSharedCountsAwayEachNodeStillCountsItsOwn() {
        everyNode.away = true;
        for (int i = 0; i < 5; i++) {
            assertEquals(Optional.empty(), signIn("key", "wrong"));
        }
        assertThrows(SignInThrottledException.class, () -> signIn("key", "secret"));
        everyNode.away = false;
        clock.advance(Duration.ofSeconds(1));
        assertSignedIn("key", "secret");
        assertEquals(0, everyNode.statements, "left alone for a minute after the fault");
        clock.advance(FailSafeCounts.ALONE_AFTER_FAULT);
        authenticator.forget("key");
        assertSignedIn("key", "secret");
        assertEquals(1, everyNode.statements, "asked again after it");
    }

    @Test
    void aHashOfFewerRoundsIsMadeAgainOnASuccessfulSignIn() {
        String old = new SecretHasher(500).hash("secret");
        keys.stored.put("key", new ApiKey("key", 5, old));
        assertSignedIn("key", "secret");
        String upgraded = keys.stored.get("key").secretHash();
        assertTrue(upgraded.startsWith("pbkdf2-sha256$1000$"), upgraded);
        assertTrue(hasher.matches("secret", upgraded));

        authenticator.forget("key");
        assertSignedIn("key", "secret");
        assertEquals(upgraded, keys.stored.get("key").secretHash(), "made once");
    }

    @Test
    void aDeletedOrChangedKeyIsForgotten() {
        assertSignedIn("key", "secret");
        keys.stored.remove("key");
        authenticator.forgetNow(new KeyChanged("key"));
        assertEquals(Optional.empty(), signIn("key", "secret"));

        keys.stored.put("key", new ApiKey("key", 5, hasher.hash("new secret")));
        authenticator.forgetAfterCompletion(new KeyChanged("key"));
        assertEquals(Optional.empty(), signIn("key", "secret"));
        assertSignedIn("key", "new secret");
    }

    @Test
    void aCheckDuringWhichTheKeyIsDeletedIsNotRemembered() {
        // the key is deleted, and the deletion committed, while its secret is being checked
        keys.duringLookup = () -> authenticator.forgetAfterCompletion(new KeyChanged("key"));
        assertSignedIn("key", "secret");
        keys.duringLookup = () -> { };
        keys.stored.remove("key");
        assertEquals(Optional.empty(), signIn("key", "secret"), "not answered from memory");
    }

    @Test
    void atMostSoManySuccessesAreRemembered() {
        for (int i = 0; i < 10; i++) {
            keys.stored.put("key" + i, new ApiKey("key" + i, 5, hasher.hash("secret")));
            assertSignedIn("key" + i, "secret");
        }
        int before = keys.lookups;
        for (String newest : new String[] {"key9", "key8", "key7"}) {
            assertSignedIn(newest, "secret");
        }
        assertEquals(before, keys.lookups, "the three newest are kept");
        assertSignedIn("key6", "secret");
        assertEquals(before + 1, keys.lookups, "and no more: the fourth newest is checked again");
    }
}

package dlcs.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private final TestClock clock = new TestClock();
    /** 3 failures a key, 6 an address; 1 s, doubling up to 10 s; 4 keys and 4 addresses counted. */
    private final SignInThrottle throttle = new SignInThrottle(clock, 3, 6, Duration.ofSeconds(1),
            Duration.ofSeconds(10), 4);

    private void fail(String key, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(key, address);
        }
    }

    private Optional<Duration> refusal(String key, String address) {
        return throttle.refusal(key, address);
    }

    @Test
    void aKeyIsRefusedAfterItsFailuresForTheLockoutWhichDoublesWithEachFurtherFailureUpToTheLongest() {
        fail("k", "a1", 2);
        assertEquals(Optional.empty(), refusal("k", "a1"), "two failures are allowed");
        fail("k", "a2", 1);
        assertEquals(Optional.of(Duration.ofSeconds(1)), refusal("k", "a3"), "the third locks the key, from anywhere");
        clock.advance(Duration.ofMillis(400));
        assertEquals(Optional.of(Duration.ofMillis(600)), refusal("k", "a1"), "for what is left of the lockout");
        clock.advance(Duration.ofMillis(600));
        assertEquals(Optional.empty(), refusal("k", "a1"), "then it may try again");

        int[] expected = {2, 4, 8, 10, 10};
        for (int seconds : expected) {
            throttle.failed("k", "a" + seconds);
            assertEquals(Optional.of(Duration.ofSeconds(seconds)), refusal("k", "elsewhere"));
            clock.advance(Duration.ofSeconds(seconds));
        }
    }

    @Test
    void anAddressIsRefusedAfterItsFailuresWhateverTheKeysAndOthersAreNot() {
        for (int i = 0; i < 6; i++) {
            throttle.failed("key-" + i, "attacker");
        }
        assertTrue(refusal("someone-else", "attacker").isPresent(), "any key from that address");
        assertEquals(Optional.empty(), refusal("someone-else", "elsewhere"), "that key from elsewhere");
        assertEquals(Optional.empty(), refusal("key-0", "elsewhere"), "each key failed only once");
    }

    @Test
    void aSuccessStartsTheKeysCountAgainButNotTheAddresss() {
        fail("k", "a", 2);
        throttle.succeeded("k");
        fail("k", "a", 2);
        assertEquals(Optional.empty(), refusal("k", "b"), "two after the success: not yet");
        fail("other", "a", 2);
        assertTrue(refusal("third", "a").isPresent(), "the address counted all six");
    }

    @Test
    void countsAreForgottenAQuarterOfAnHourAfterTheLastFailureOrTheLockoutsEnd() {
        fail("k", "a", 2);
        clock.advance(SignInThrottle.FORGET_AFTER);
        fail("k", "a", 2);
        assertEquals(Optional.empty(), refusal("k", "a"), "the first two are forgotten");
        fail("k", "a", 1);
        assertTrue(refusal("k", "a").isPresent());
        clock.advance(SignInThrottle.FORGET_AFTER.plusSeconds(1));
        assertEquals(Optional.empty(), refusal("k", "a"));
        // both counts were dropped: had either stayed, these failures would pass its limit
        fail("k", "b", 2);
        assertEquals(Optional.empty(), refusal("k", "b"), "the key's count starts again");
        fail("k2", "a", 5);
        assertEquals(Optional.empty(), refusal("k3", "a"), "the address's count starts again");
    }

    @Test
    void memoryIsBoundedTheLongestQuietCountGoesFirstAndLongKeysAreKeptShort() {
        fail("victim", "a", 3);
        String huge = "x".repeat(10_000);
        for (int i = 0; i < 1_000; i++) {
            throttle.failed(i + huge.substring(i), "address-" + i);
        }
        assertEquals(Optional.empty(), refusal("victim", "b"), "the oldest count made room");
        // the fifth newest key and address are forgotten too: at most 4 of each are counted
        String fifthNewestKey = 995 + huge.substring(995);
        fail(fifthNewestKey, "elsewhere", 2);
        assertEquals(Optional.empty(), refusal(fifthNewestKey, "elsewhere"), "its first failure was forgotten");
        fail("some-key", "address-995", 5);
        assertEquals(Optional.empty(), refusal("another-key", "address-995"), "its first failure was forgotten");
        fail(huge, "z", 3);
        assertTrue(refusal(huge, "y").isPresent(), "a long key is counted (by its digest)");
    }

    @Test
    void theSharedCountsNameAKeyByItsDigestWhenItHasCharactersADatabaseMightRefuse() {
        CountsInMemory everyNode = new CountsInMemory();
        SignInThrottle node = new SignInThrottle(clock, 3, 6, Duration.ofSeconds(1), Duration.ofSeconds(10), 4,
                everyNode);
        node.failed("nul\0key", "a");
        node.failed("caf\u00e9 key", "a");
        node.failed("plain-key", "a");
        assertTrue(everyNode.rows.containsKey("key plain-key"), everyNode.rows.keySet().toString());
        assertTrue(everyNode.rows.keySet().stream().allMatch(name -> name.length() <= 72
                        && name.chars().allMatch(c -> c >= ' ' && c < 0x7f)),
                "PostgreSQL refuses a NUL in text, and a refused write would stop the counts of every node: "
                        + everyNode.rows.keySet());
        node.failed("nul\0key", "b");
        node.failed("nul\0key", "b");
        assertTrue(node.refusal("nul\0key", "c").isPresent(), "the key is counted, by its digest");
    }
}

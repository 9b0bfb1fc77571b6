package dlcs.security.control;

/** A key just made: the only moment its secret is known. */
public record NewKey(String key, String secret, long customer) {
}

package dlcs.security.control;

/** A key was deleted or given another secret: what was remembered of it no longer holds. */
public record KeyChanged(String key) {
}

package dlcs.hydra;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method whose JSON body may be larger than {@code dlcs.api.max-json-bytes}: its
 * limit is the configuration key {@link #key()}, or {@link #bytes()} where that is not set.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BodyLimit {

    /** The MicroProfile Config key that sets the limit, in bytes. */
    String key();

    /** The limit when the key is not set. */
    long bytes();
}

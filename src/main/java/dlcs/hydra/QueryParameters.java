package dlcs.hydra;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Query parameters that a resource method (or every method of a resource class) reads by other
 * means than {@code @QueryParam}, through {@code UriInfo} say: {@link QueryParameterFilter} accepts
 * them as well as those its {@code @QueryParam}s name, and refuses any other.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface QueryParameters {

    /** The parameters' names. */
    String[] value();
}

package dlcs.hydra;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Absolute URLs for {@code @id} values in the API's answers, on the base {@link PublicBase} gives
 * for the current request.
 */
@RequestScoped
public class PublicUrls {

    @Inject
    PublicBase publicBase;

    @Inject
    HttpServletRequest request;

    private String base;

    /** The base with no trailing slash, e.g. {@code https://dlcs.example.org}. */
    public String base() {
        if (base == null) {
            base = publicBase.of(request);
        }
        return base;
    }

    /** The absolute URL of {@code path}, which starts with a slash. */
    public String of(String path) {
        return base() + path;
    }
}

package dlcs;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The registration API at the root of the server (as the DLCS has it). The IIIF delivery paths
 * ({@code /iiif-img/*}, {@code /thumbs/*}) are servlets with more specific mappings.
 */
@ApplicationPath("/")
public class DlcsApplication extends Application {
}

package dlcs.openapi.boundary;

import dlcs.common.Jsons;
import dlcs.common.Text;
import dlcs.hydra.Hydra;
import dlcs.hydra.PublicBase;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Serves the API's OpenAPI document at {@code /openapi}, open to anyone (it holds no data): YAML
 * unless {@code ?format=JSON} or the Accept header prefers {@code application/json}, as
 * MicroProfile OpenAPI's endpoint does. Its {@code servers} names this server's public base URL
 * (see {@link PublicBase}), so that a client generated from it, or a Swagger UI elsewhere, calls
 * the right address; any origin may read it (CORS). Its security headers come from
 * {@code dlcs.security.boundary.SecurityHeadersFilter}.
 */
@WebServlet(urlPatterns = "/openapi")
public class OpenApiServlet extends HttpServlet {

    /** The document, on the class path. */
    public static final String DOCUMENT = "/dlcs/openapi/openapi.json";
    static final String YAML = "application/yaml;charset=UTF-8";
    static final String JSON = "application/json;charset=UTF-8";

    @Inject
    PublicBase publicBase;

    private JsonObject document;

    @Override
    public void init() throws ServletException {
        try (InputStream in = OpenApiServlet.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new ServletException(DOCUMENT + " is missing from the application.");
            }
            try (JsonReader reader = Jsons.reader(in)) {
                document = reader.readObject();
            }
        } catch (IOException e) {
            throw new ServletException("Cannot read " + DOCUMENT, e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String refused = refusedParameter(request);
        if (refused != null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType(JSON);
            response.getWriter().write(Hydra.error(400, "Invalid request", refused, "/openapi").toString());
            return;
        }
        JsonObject served = Jsons.object(document)
                .add("servers", Jsons.array().add(Jsons.object()
                        .add("url", publicBase.of(request))
                        .add("description", "This server.")))
                .build();
        boolean json = wantsJson(request.getParameter("format"), request.getHeader("Accept"));
        response.setContentType(json ? JSON : YAML);
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("Vary", "Accept");
        byte[] body = (json ? served.toString() : Yaml.of(served)).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Why the query cannot be answered (a parameter other than one {@code format}, a format unknown), or null. */
    static String refusedParameter(HttpServletRequest request) {
        for (var parameter : request.getParameterMap().entrySet()) {
            if (!parameter.getKey().equals("format")) {
                return "The query parameter '" + Text.printable(parameter.getKey()) + "' is not known here: /openapi"
                        + " accepts format (JSON or YAML). Leave it out or correct its spelling.";
            }
            if (parameter.getValue().length > 1) {
                return "The query parameter 'format' is given " + parameter.getValue().length + " times; give it once.";
            }
            String format = parameter.getValue()[0].toUpperCase(Locale.ROOT);
            if (!format.equals("JSON") && !format.equals("YAML")) {
                return "format must be JSON or YAML, not '" + Text.printable(parameter.getValue()[0]) + "'.";
            }
        }
        return null;
    }

    /**
     * JSON when {@code format} says so, or, without it, when {@code accept} prefers
     * {@code application/json} to YAML ({@code application/yaml}, {@code text/yaml}): by weight
     * (q), then by how exactly it names it; YAML otherwise (also for {@code *}{@code /*} alone, and
     * for an Accept that names neither, as MicroProfile OpenAPI's default).
     */
    static boolean wantsJson(String format, String accept) {
        if (format != null) {
            return format.equalsIgnoreCase("JSON");
        }
        if (accept == null) {
            return false;
        }
        Preference json = preference(accept, "application", "json");
        Preference yaml = preference(accept, "application", "yaml").max(preference(accept, "text", "yaml"));
        return json.compareTo(yaml) > 0;
    }

    /** How much a client wants a type: its weight, and how exactly the range that gave it names the type. */
    record Preference(double q, int specificity) implements Comparable<Preference> {

        static final Preference NONE = new Preference(0, -1);

        @Override
        public int compareTo(Preference other) {
            int byWeight = Double.compare(q, other.q);
            return byWeight != 0 ? byWeight : Integer.compare(specificity, other.specificity);
        }

        Preference max(Preference other) {
            return compareTo(other) >= 0 ? this : other;
        }
    }

    /** What {@code accept} says of {@code type/subtype}: the most specific range that matches it decides. */
    static Preference preference(String accept, String type, String subtype) {
        Preference found = Preference.NONE;
        for (String range : accept.split(",", 65)) {
            String[] parts = range.split(";");
            String[] name = parts[0].trim().toLowerCase(Locale.ROOT).split("/", 2);
            if (name.length != 2) {
                continue;
            }
            int specificity = name[0].equals(type) && name[1].equals(subtype) ? 2
                    : name[0].equals(type) && name[1].equals("*") ? 1
                    : name[0].equals("*") && name[1].equals("*") ? 0 : -1;
            if (specificity > found.specificity()) {
                found = new Preference(quality(parts), specificity);
            }
        }
        return found.q() > 0 ? found : Preference.NONE;
    }

    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter.length == 2 && parameter[0].trim().equalsIgnoreCase("q")) {
                try {
                    double q = Double.parseDouble(parameter[1].trim());
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}

package dlcs.openapi;

import dlcs.hydra.QueryParameterFilter;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the JAX-RS resources serve, read from their annotations the way the runtime reads them:
 * each path (the application's path, the class's and the method's {@code @Path}) and HTTP method,
 * with the query parameters it accepts ({@link QueryParameterFilter#accepted}, the rule that
 * refuses any other), its path parameters, whether it reads a body and of which types
 * ({@code @Consumes}), and the types it answers in ({@code @Produces}). Several Java methods may
 * serve one operation, told apart by the body's type (JSON, multipart, raw image).
 */
final class ServedOperations {

    private static final Pattern TEMPLATE = Pattern.compile("\\{\\s*([A-Za-z0-9_.-]+)\\s*(:[^}]*)?}");
    private static final Set<Class<? extends Annotation>> NOT_THE_BODY = Set.of(PathParam.class, QueryParam.class,
            BeanParam.class, HeaderParam.class, CookieParam.class, FormParam.class, MatrixParam.class, Context.class);

    /** {@code GET /customers/{customer}} and the like. */
    record Key(String path, String method) implements Comparable<Key> {

        @Override
        public int compareTo(Key other) {
            int byPath = path.compareTo(other.path);
            return byPath != 0 ? byPath : method.compareTo(other.method);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** What one operation takes and answers, and the Java methods that serve it. */
    record Served(Set<String> pathParameters, Set<String> queryParameters, Set<String> bodyTypes,
                  Set<String> answerTypes, List<String> methods) {
    }

    private ServedOperations() {
    }

    /** The application's path, from its {@code @ApplicationPath}: "" for the root. */
    static String applicationPath(Class<?> application) {
        return normalise(application.getAnnotation(ApplicationPath.class).value());
    }

    /** Every operation {@code resources} serve under {@code applicationPath}, by path and method. */
    static Map<Key, Served> of(Collection<Class<?>> resources, String applicationPath) {
        Map<Key, Served> operations = new TreeMap<>();
        for (Class<?> resource : resources) {
            Path classPath = resource.getAnnotation(Path.class);
            for (Method method : resource.getMethods()) {
                String httpMethod = httpMethod(method);
                Path methodPath = method.getAnnotation(Path.class);
                if (httpMethod == null && methodPath != null) {
                    throw new IllegalStateException(resource.getName() + "." + method.getName()
                            + " is a sub-resource locator, which this check cannot follow: describe its resource.");
                }
                if (httpMethod == null) {
                    continue;
                }
                String path = normalise(applicationPath + "/" + classPath.value()
                        + (methodPath != null ? "/" + methodPath.value() : ""));
                Served served = operations.computeIfAbsent(new Key(path, httpMethod), key -> new Served(
                        pathParameters(path), new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), new ArrayList<>()));
                served.queryParameters().addAll(QueryParameterFilter.accepted(resource, method).keySet());
                if (readsBody(method)) {
                    served.bodyTypes().addAll(types(method.getAnnotation(Consumes.class), resource.getAnnotation(Consumes.class)));
                }
                Produces produces = method.getAnnotation(Produces.class);
                served.answerTypes().addAll(types(produces, resource.getAnnotation(Produces.class)));
                served.methods().add(resource.getSimpleName() + "." + method.getName());
            }
        }
        return operations;
    }

    /** A path as OpenAPI writes it: one leading slash, none at the end, templates without their regexes. */
    static String normalise(String path) {
        String plain = TEMPLATE.matcher(path).replaceAll(match -> Matcher.quoteReplacement("{" + match.group(1) + "}"));
        String collapsed = ("/" + plain).replaceAll("/+", "/");
        return collapsed.length() > 1 && collapsed.endsWith("/") ? collapsed.substring(0, collapsed.length() - 1)
                : collapsed;
    }

    private static Set<String> pathParameters(String path) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = TEMPLATE.matcher(path);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value().toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    /** Whether a parameter of {@code method} takes the request's body: one that no JAX-RS annotation binds. */
    private static boolean readsBody(Method method) {
        for (Parameter parameter : method.getParameters()) {
            if (Arrays.stream(parameter.getAnnotations()).noneMatch(a -> NOT_THE_BODY.contains(a.annotationType()))) {
                return true;
            }
        }
        return false;
    }

    /** The media types of the method's annotation, or else of its class's; {@code *}{@code /*} when neither says. */
    private static List<String> types(Annotation onMethod, Annotation onClass) {
        Annotation chosen = onMethod != null ? onMethod : onClass;
        if (chosen == null) {
            return List.of("*/*");
        }
        String[] values = chosen instanceof Consumes consumes ? consumes.value() : ((Produces) chosen).value();
        return Arrays.stream(values).flatMap(value -> Arrays.stream(value.split(",")))
                .map(value -> value.trim().toLowerCase(Locale.ROOT)).toList();
    }
}

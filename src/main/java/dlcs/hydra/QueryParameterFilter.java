package dlcs.hydra;

import dlcs.common.InvalidInputException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses, with a 400 that names it and lists the accepted ones, a query parameter that the
 * matched resource method does not read: a misspelt or unsupported filter would otherwise be
 * dropped without a word, and the client would take an unfiltered page for the answer. A method
 * reads the parameters its {@code @QueryParam}s name (on its parameters, its
 * {@code @BeanParam}s' fields, or its class's fields) and those {@link QueryParameters} lists. A
 * parameter given more than once is refused too, unless it is read into a collection: the
 * runtime would take the first value and drop the others.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class QueryParameterFilter implements ContainerRequestFilter {

    /** Per method, each accepted parameter and whether it may repeat. */
    private static final Map<Method, Map<String, Boolean>> ACCEPTED = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return;
        }
        check(accepted(resource.getResourceClass(), method), request.getUriInfo().getQueryParameters(),
                request.getMethod() + " /" + request.getUriInfo().getPath().replaceFirst("^/+", ""));
    }

    /** Refuses the first of {@code given} that {@code accepted} does not take as given. */
    static void check(Map<String, Boolean> accepted, Map<String, List<String>> given, String where) {
        for (Map.Entry<String, List<String>> parameter : given.entrySet()) {
            String name = parameter.getKey();
            Boolean repeatable = accepted.get(name);
            if (repeatable == null) {
                throw new InvalidInputException("The query parameter '" + shown(name) + "' is not known here: "
                        + (accepted.isEmpty() ? where + " takes no query parameters."
                        : where + " accepts " + String.join(", ", accepted.keySet()) + ".")
                        + " Leave it out or correct its spelling.");
            }
            if (!repeatable && parameter.getValue().size() > 1) {
                throw new InvalidInputException("The query parameter '" + name + "' is given "
                        + parameter.getValue().size() + " times; give it once.");
            }
        }
    }

    /**
     * The query parameters {@code method} of {@code resourceClass} accepts, each with whether it
     * may repeat; also read by the test that keeps the API's OpenAPI description in step.
     */
    public static Map<String, Boolean> accepted(Class<?> resourceClass, Method method) {
        return ACCEPTED.computeIfAbsent(method, m -> {
            Map<String, Boolean> names = new LinkedHashMap<>();
            for (Parameter parameter : m.getParameters()) {
                add(names, parameter, parameter.getType());
            }
            if (resourceClass != null) {
                addFields(names, resourceClass);
                listed(names, resourceClass.getAnnotation(QueryParameters.class));
            }
            listed(names, m.getAnnotation(QueryParameters.class));
            return Collections.unmodifiableMap(names);
        });
    }

    private static void add(Map<String, Boolean> names, AnnotatedElement element, Class<?> type) {
        QueryParam query = element.getAnnotation(QueryParam.class);
        if (query != null) {
            names.put(query.value(), Collection.class.isAssignableFrom(type) || type.isArray());
        }
        if (element.isAnnotationPresent(BeanParam.class)) {
            addFields(names, type);
        }
    }

    private static void addFields(Map<String, Boolean> names, Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                add(names, field, field.getType());
            }
        }
    }

    private static void listed(Map<String, Boolean> names, QueryParameters listed) {
        if (listed != null) {
            for (String name : listed.value()) {
                names.put(name, true);
            }
        }
    }

    private static String shown(String name) {
        String printable = name.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 100 ? printable.substring(0, 97) + "..." : printable;
    }
}

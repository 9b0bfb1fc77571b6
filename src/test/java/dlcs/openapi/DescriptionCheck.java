package dlcs.openapi;

import dlcs.openapi.ServedOperations.Key;
import dlcs.openapi.ServedOperations.Served;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Compares an OpenAPI description with what the code serves ({@link ServedOperations}) and
 * lists every difference in words that say what to change: an operation one has and the other
 * has not, and for each operation both have, its path and query parameters and its body's types.
 * Also the rules every operation of the description follows: a schema for each answer with a
 * body, the {@code Error} schema for each 4xx and 5xx.
 */
final class DescriptionCheck {

    static final String ERROR_SCHEMA = "#/components/schemas/Error";

    private final OpenAPI api;

    DescriptionCheck(OpenAPI api) {
        this.api = api;
    }

    /** Each operation of the description, by path and method. */
    Map<Key, Operation> operations() {
        Map<Key, Operation> operations = new TreeMap<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                operations.put(new Key(path, method.name().toLowerCase(Locale.ROOT)), operation)));
        return operations;
    }

    /** How the description and {@code served} differ; empty when they agree. */
    List<String> differences(Map<Key, Served> served) {
        List<String> problems = new ArrayList<>();
        Map<Key, Operation> described = operations();
        for (Map.Entry<Key, Served> entry : served.entrySet()) {
            Operation operation = described.get(entry.getKey());
            if (operation == null) {
                problems.add(entry.getKey() + " (" + String.join(", ", entry.getValue().methods())
                        + ") is not in the OpenAPI document: describe it in src/main/resources/dlcs/openapi/openapi.json.");
                continue;
            }
            compare(entry.getKey(), operation, entry.getValue(), problems);
        }
        for (Key key : described.keySet()) {
            if (!served.containsKey(key)) {
                problems.add(key + " is in the OpenAPI document, but no resource method serves it.");
            }
        }
        return problems;
    }

    private void compare(Key key, Operation operation, Served served, List<String> problems) {
        PathItem item = api.getPaths().get(key.path());
        List<Parameter> parameters = new ArrayList<>();
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        Set<String> path = names(parameters, "path");
        Set<String> query = names(parameters, "query");
        if (!path.equals(served.pathParameters())) {
            problems.add(key + ": path parameters " + path + " described, " + served.pathParameters() + " in the path.");
        }
        if (!query.equals(served.queryParameters())) {
            problems.add(key + ": query parameters " + query + " described, " + served.queryParameters() + " accepted.");
        }
        Set<String> body = operation.getRequestBody() == null || operation.getRequestBody().getContent() == null
                ? Set.of() : lower(operation.getRequestBody().getContent().keySet());
        if (!body.equals(served.bodyTypes())) {
            problems.add(key + ": request body types " + body + " described, " + served.bodyTypes() + " read.");
        }
        operation.getResponses().forEach((status, response) -> {
            ApiResponse resolved = resolve(response);
            if (status.startsWith("2") && resolved.getContent() != null
                    && !lower(resolved.getContent().keySet()).equals(served.answerTypes())) {
                problems.add(key + " " + status + ": answer types " + resolved.getContent().keySet() + " described, "
                        + served.answerTypes() + " produced.");
            }
        });
    }

    /** The rules each operation follows, whatever the code; empty when all do. */
    List<String> ruleBreaches() {
        List<String> problems = new ArrayList<>();
        operations().forEach((key, operation) -> {
            if (operation.getOperationId() == null || operation.getSummary() == null) {
                problems.add(key + " has no operationId or no summary.");
            }
            if (operation.getResponses().keySet().stream().noneMatch(status -> status.startsWith("2"))) {
                problems.add(key + " has no successful (2xx) response.");
            }
            boolean open = operation.getSecurity() != null && operation.getSecurity().isEmpty();
            if (!open && !operation.getResponses().containsKey("401")) {
                problems.add(key + " needs a key, but its 401 is not described.");
            }
            operation.getResponses().forEach((status, response) -> check(key + " " + status, status, resolve(response), problems));
        });
        return problems;
    }

    private static void check(String where, String status, ApiResponse response, List<String> problems) {
        Map<String, MediaType> content = response.getContent();
        if (status.startsWith("2")) {
            if (content == null || content.isEmpty()) {
                if (!status.equals("204")) {
                    problems.add(where + " has no body described: give its schema, or answer 204.");
                }
                return;
            }
            content.forEach((type, media) -> {
                if (media.getSchema() == null) {
                    problems.add(where + " " + type + " has no schema.");
                }
            });
        } else if (status.startsWith("4") || status.startsWith("5")) {
            MediaType json = content == null ? null : content.get("application/json");
            if (json == null || json.getSchema() == null || !ERROR_SCHEMA.equals(json.getSchema().get$ref())) {
                problems.add(where + " does not answer application/json with the schema " + ERROR_SCHEMA + ".");
            }
        }
    }

    private ApiResponse resolve(ApiResponse response) {
        if (response.get$ref() == null) {
            return response;
        }
        String name = response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1);
        ApiResponse found = api.getComponents().getResponses().get(name);
        if (found == null) {
            throw new IllegalStateException("No response " + response.get$ref());
        }
        return found;
    }

    private Set<String> names(List<Parameter> parameters, String in) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : parameters) {
            Parameter resolved = parameter;
            if (parameter.get$ref() != null) {
                String name = parameter.get$ref().substring(parameter.get$ref().lastIndexOf('/') + 1);
                resolved = api.getComponents().getParameters().get(name);
                if (resolved == null) {
                    throw new IllegalStateException("No parameter " + parameter.get$ref());
                }
            }
            if (in.equals(resolved.getIn())) {
                names.add(resolved.getName());
            }
        }
        return names;
    }

    private static Set<String> lower(Set<String> types) {
        return types.stream().map(type -> type.toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(TreeSet::new));
    }
}

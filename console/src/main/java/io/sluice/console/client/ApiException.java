package io.sluice.console.client;

import java.util.List;
import java.util.stream.Collectors;

/** A service answered, with an error: its status and problem document, turned into a sentence for the page. */
public final class ApiException extends RuntimeException {

    private final String service;
    private final int status;
    private final ApiProblem problem;

    public ApiException(String service, int status, ApiProblem problem) {
        super(service + " answered " + status + (problem != null && problem.type() != null ? " " + problem.type() : ""));
        this.service = service;
        this.status = status;
        this.problem = problem;
    }

    public String service() {
        return service;
    }

    public int status() {
        return status;
    }

    public boolean notFound() {
        return status == 404;
    }

    /** What a person reads next to what they did: the service's own detail and field messages. */
    public String sentence() {
        if (problem == null) {
            return service + " answered HTTP " + status + ".";
        }
        List<ApiProblem.FieldError> fields = problem.errors() == null ? List.of() : problem.errors();
        if (!fields.isEmpty()) {
            return fields.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")) + ".";
        }
        String text = problem.detail() != null ? problem.detail() : problem.title();
        return text == null ? service + " answered HTTP " + status + "." : text.endsWith(".") ? text : text + ".";
    }
}

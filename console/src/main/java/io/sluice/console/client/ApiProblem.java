package io.sluice.console.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** An RFC 9457 problem document as the services answer errors. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiProblem(String type, String title, Integer status, String detail, List<FieldError> errors) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FieldError(String field, String message) {
    }
}

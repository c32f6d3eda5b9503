package io.sluice.console.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A page of a list, as every Sluice API answers one. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Page<T>(List<T> data, String nextCursor) {

    public Page {
        data = data == null ? List.of() : List.copyOf(data);
    }
}

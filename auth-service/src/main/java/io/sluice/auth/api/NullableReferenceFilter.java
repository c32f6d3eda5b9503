package io.sluice.auth.api;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * A nullable reference ({@code @Schema(nullable = true)} on a field of another view's type) is written as
 * {@code anyOf: [$ref, {type: null}]} next to {@code type: object}, which refuses {@code null} after all: this
 * drops the {@code type}, so that the document says what the API answers ({@code "active_session": null}).
 */
public class NullableReferenceFilter implements OASFilter {

    @Override
    public Schema filterSchema(Schema schema) {
        List<Schema> anyOf = schema.getAnyOf();
        if (anyOf != null && schema.getType() != null && schema.getType().equals(List.of(Schema.SchemaType.OBJECT))
                && anyOf.stream().anyMatch(NullableReferenceFilter::isNull)
                && anyOf.stream().anyMatch(option -> option.getRef() != null)) {
            schema.setType(null);
        }
        return schema;
    }

    private static boolean isNull(Schema option) {
        return option.getType() != null && option.getType().equals(List.of(Schema.SchemaType.NULL));
    }
}

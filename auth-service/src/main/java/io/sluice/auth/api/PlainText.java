package io.sluice.auth.api;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text a person wrote, fit to store, show and log: no control characters (Unicode category Cc, NUL
 * included, which PostgreSQL cannot store at all) and no unpaired surrogates. Anything else of Unicode is
 * fine, emoji and right-to-left scripts included.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainTextValidator.class)
public @interface PlainText {

    /** Allows tab, line feed and carriage return, for multi-line free text. */
    boolean lineBreaks() default false;

    String message() default "must not contain control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

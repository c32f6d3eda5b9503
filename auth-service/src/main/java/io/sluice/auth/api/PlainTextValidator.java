package io.sluice.auth.api;

import io.sluice.auth.storage.StoredText;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Locale;

/** Checks {@link PlainText}, naming the first character it refuses. */
public class PlainTextValidator implements ConstraintValidator<PlainText, String> {

    private boolean lineBreaks;

    @Override
    public void initialize(PlainText annotation) {
        this.lineBreaks = annotation.lineBreaks();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            String refusal = refusal(codePoint);
            if (refusal != null) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(refusal).addConstraintViolation();
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }

    private String refusal(int codePoint) {
        if (!StoredText.isUnfit(codePoint) || lineBreaks && (codePoint == '\t' || codePoint == '\n' || codePoint == '\r')) {
            return null;
        }
        if (Character.getType(codePoint) != Character.CONTROL) {
            return "must be well-formed Unicode text; found an unpaired surrogate " + name(codePoint);
        }
        return (lineBreaks ? "must not contain control characters other than tab, line feed and carriage return; found "
                : "must not contain control characters; found ") + name(codePoint);
    }

    private static String name(int codePoint) {
        return String.format(Locale.ROOT, "U+%04X", codePoint);
    }
}

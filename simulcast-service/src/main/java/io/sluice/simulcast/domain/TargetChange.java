package io.sluice.simulcast.domain;

import java.util.Optional;

/**
 * What a request asks to set; an empty optional leaves the field as it is. For {@code passthrough} and
 * {@code tlsCaPem}, a present empty string clears the field.
 */
public record TargetChange(Optional<String> url, Optional<String> streamKey, Optional<String> passthrough,
        Optional<Boolean> enabled, Optional<String> tlsCaPem) {
}

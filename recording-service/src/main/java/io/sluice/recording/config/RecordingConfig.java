package io.sluice.recording.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.NotBlank;

/** The configuration root of recording-service: everything under {@code sluice.recording}. */
@ConfigMapping(prefix = "sluice.recording")
public interface RecordingConfig {

    Storage storage();

    interface Storage {

        /** Where segments and playlists are written. */
        @WithDefault("${user.home}/.sluice/recordings")
        @NotBlank
        String directory();
    }
}

package io.sluice.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EncoderCommandTest {

    @Test
    void theKeyGoesAfterTheServerUrlAsTheStreamName() {
        assertThat(EncoderCommand.ffmpeg("rtmps://localhost:1936/live", "sluice_sk_abc"))
                .startsWith("ffmpeg -re -i input.mp4 ")
                .endsWith(" -f flv \"rtmps://localhost:1936/live/sluice_sk_abc\"");
    }

    @Test
    void aHiddenKeyIsAShellVariableSoTheCommandStaysUsable() {
        assertThat(EncoderCommand.ffmpeg("rtmps://localhost:1936/live", null))
                .endsWith(" -f flv \"rtmps://localhost:1936/live/$STREAM_KEY\"");
    }
}

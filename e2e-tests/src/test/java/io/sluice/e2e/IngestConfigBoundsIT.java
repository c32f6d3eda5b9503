package io.sluice.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.stack.StackException;
import io.sluice.testkit.TestStack;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged ingest checks the bounds of its settings as it reads them: started with some out of bounds it
 * exits before it serves anything, and its log names each of them.
 */
class IngestConfigBoundsIT {

    @Test
    void aStartWithSettingsOutOfBoundsFailsAndNamesThem() {
        IngestInstance instance = IngestInstance.of(TestStack.get().stack(), "ingest-out-of-bounds", Map.of(
                "SLUICE_INGEST_LIMITS_MAX_CONNECTIONS", "0",
                "SLUICE_INGEST_LIMITS_MAX_MESSAGE_SIZE", "16777216",
                "SLUICE_INGEST_APPLICATION", "live/x"));
        try {
            assertThatThrownBy(() -> instance.service().up())
                    .isInstanceOfSatisfying(StackException.class, e -> assertThat(e.details())
                            .contains("sluice.ingest.limits.max-connections must be at least 1, is 0")
                            .contains("sluice.ingest.limits.max-message-size must be between 1024 and 16777215, is 16777216")
                            .contains("sluice.ingest.application must be 1 to 64 letters"))
                    .hasMessageContaining("exited during start-up");
        } finally {
            instance.service().down();
        }
    }
}

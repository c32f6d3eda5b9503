package io.sluice.recording;

import io.quarkus.test.junit.QuarkusTest;
import io.sluice.testkit.OperabilityContract;

@QuarkusTest
class OperabilityTest extends OperabilityContract {

    @Override
    protected String[] readinessChecks() {
        return new String[] {"Database connections health check", "Kafka connection health check", "Recording"};
    }
}

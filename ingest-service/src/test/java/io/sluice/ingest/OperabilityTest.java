package io.sluice.ingest;

import io.quarkus.test.junit.QuarkusTest;
import io.sluice.testkit.OperabilityContract;

@QuarkusTest
class OperabilityTest extends OperabilityContract {

    @Override
    protected String[] readinessChecks() {
        return new String[] {"Kafka connection health check", "Stream-key registry", "Kafka producer"};
    }
}

package io.sluice.recording;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.sluice.testkit.SluiceTestResource;

/** Every test of this module runs against the test stack's Kafka, Keycloak and recording database. */
@WithTestResource(value = SluiceTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "recording"))
public final class RecordingTestStack {

    private RecordingTestStack() {
    }
}

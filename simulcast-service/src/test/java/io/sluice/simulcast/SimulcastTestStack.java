package io.sluice.simulcast;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.sluice.testkit.SluiceTestResource;

/** Every test of this module runs against the test stack's Kafka, Keycloak and simulcast database. */
@WithTestResource(value = SluiceTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "simulcast"))
public final class SimulcastTestStack {

    private SimulcastTestStack() {
    }
}

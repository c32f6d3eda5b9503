package io.sluice.ingest;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.sluice.ingest.session.InterleavingPublishAuthorizer;
import java.util.Set;

/** The real authorizer with a place to run a registry change between a key check and the registration. */
public class RevocationRaceProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(InterleavingPublishAuthorizer.class);
    }
}

package io.sluice.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.sluice.stack.ServiceCatalog;
import io.sluice.stack.Stack;
import io.sluice.stack.StackEndpoints;
import io.sluice.stack.StackSettings;
import io.sluice.stack.component.Ports;
import io.sluice.stack.process.ManagedProcess;
import io.sluice.stack.provision.SelfSignedCertificate;
import java.util.HashMap;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} application at the test stack: Kafka, the identity provider and, with the
 * init argument {@code service} naming a service that has one, that service's own database; for
 * {@code ingest}, free ports for its listeners and the stack's RTMPS certificate.
 */
public final class SluiceTestResource implements QuarkusTestResourceLifecycleManager {

    private String service;

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.get("service");
    }

    @Override
    public Map<String, String> start() {
        StackEndpoints endpoints = TestStack.get().endpoints();
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", endpoints.kafkaBootstrapServers());
        config.put("quarkus.oidc.auth-server-url", endpoints.oidcServerUrl());
        if ("ingest".equals(service)) {
            config.putAll(ingestListeners());
        }
        if (service != null && endpoints.databases().containsKey(service)) {
            StackEndpoints.Database db = endpoints.database(service);
            config.put("quarkus.datasource.jdbc.url", db.jdbcUrl());
            config.put("quarkus.datasource.username", db.user());
            config.put("quarkus.datasource.password", db.password());
        }
        return config;
    }

    /** Free ports for the RTMP listeners, and the stack's self-signed RTMPS certificate. */
    private static Map<String, String> ingestListeners() {
        Stack stack = TestStack.get().stack();
        StackSettings settings = stack.settings();
        SelfSignedCertificate tls = ServiceCatalog.tlsCertificate(settings);
        tls.ensure(settings.javaExecutable().getParent().getParent(),
                new ManagedProcess("tls", settings.runDir(), settings.logDir()));
        return Map.of(
                "sluice.ingest.rtmp.port", Integer.toString(Ports.free()),
                "sluice.ingest.rtmps.port", Integer.toString(Ports.free()),
                "sluice.ingest.rtmps.tls.keystore", tls.keystore().toString(),
                "sluice.ingest.rtmps.tls.keystore-password", tls.password(),
                "sluice.ingest.rtmps-only", "false");
    }

    @Override
    public void stop() {
        // The stack outlives each application; TestStack stops what it started when the JVM ends.
    }
}

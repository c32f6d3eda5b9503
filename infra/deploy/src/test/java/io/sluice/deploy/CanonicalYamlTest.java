package io.sluice.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The same manifests in another order are the same text; strings that look like numbers stay strings. */
class CanonicalYamlTest {

    @Test
    void theOrderOfObjectsKeysAndNamedItemsDoesNotMatter() {
        String one = """
                apiVersion: v1
                kind: Service
                metadata: {name: ingest, labels: {b: "2", a: "1"}}
                spec:
                  ports: [{name: rtmps, port: 1936}, {name: http, port: 80}]
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: c}
                """;
        String other = """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: c}
                ---
                kind: Service
                apiVersion: v1
                spec:
                  ports: [{port: 80, name: http}, {name: rtmps, port: 1936}]
                metadata: {labels: {a: "1", b: "2"}, name: ingest}
                """;

        assertThat(CanonicalYaml.of(one)).isEqualTo(CanonicalYaml.of(other));
        assertThat(CanonicalYaml.of(one)).startsWith("---\napiVersion: v1\nkind: ConfigMap\n");
    }

    @Test
    void listsWithoutNamesKeepTheirOrderAndNumericStringsTheirQuotes() {
        String canonical = CanonicalYaml.of("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: c, annotations: {prometheus.io/port: "8081"}}
                data: {args: "x"}
                list: [b, a]
                """);

        assertThat(canonical).contains("prometheus.io/port: \"8081\"").contains("- b\n- a\n");
    }

    @Test
    void annotationsTakenFromTheCheckoutAreLeftOut() {
        String canonical = CanonicalYaml.of("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: auth-service
                  annotations: {app.quarkus.io/vcs-uri: /check/repo.git, app.quarkus.io/commit-id: abc123,
                                app.quarkus.io/build-timestamp: "2026-12-05", app.quarkus.io/quarkus-version: 3.33.2}
                """);

        assertThat(canonical).contains("app.quarkus.io/quarkus-version: 3.33.2")
                .doesNotContain("vcs-uri").doesNotContain("commit-id").doesNotContain("build-timestamp");
    }
}

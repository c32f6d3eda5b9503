package io.sluice.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The services' and the console's Dockerfiles, as Quarkus lays them out: a JVM image that makes and uses the start-up cache
 * with its own JDK, a native one, both non-root, exposing the ports the pods declare.
 */
class ContainerImagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"auth-service", "ingest-service", "recording-service", "simulcast-service", "console"})
    void theJvmImageMakesItsStartupCacheWithItsOwnJdkAndRunsAsAUser(String module) throws IOException {
        List<String> lines = Files.readAllLines(dockerfile(module, "Dockerfile.jvm"));

        assertThat(lines).contains("FROM registry.access.redhat.com/ubi9/openjdk-25-runtime:1.24");
        assertThat(lines).contains("USER 185");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("RUN java ").contains("-XX:AOTCacheOutput=app.aot")
                .contains("-Dquarkus.appcds.generate=true").contains("-XX:+UseSerialGC"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("ENV JAVA_OPTS=").contains("-XX:AOTCache=/deployments/app.aot")
                .contains("-XX:+UseSerialGC"));
        assertThat(exposed(lines)).as(module).containsExactlyInAnyOrderElementsOf(podPorts(module));
    }

    /**
     * An image runs with the heap and allocator options whose idle memory the benchmarks measured on the local
     * stack, all but its C2-only compilation (an image keeps tiered compilation for its warm-up).
     */
    @ParameterizedTest
    @ValueSource(strings = {"auth-service", "ingest-service", "recording-service", "simulcast-service", "console"})
    void theJvmImageRunsWithTheMemoryOptionsTheLocalStackMeasured(String module) throws IOException {
        List<String> lines = Files.readAllLines(dockerfile(module, "Dockerfile.jvm"));
        String javaOpts = lines.stream().filter(l -> l.startsWith("ENV JAVA_OPTS=")).findFirst().orElseThrow();
        List<String> stackOptions = LocalStackEnvironment.jvmOptions().stream()
                .filter(option -> !option.equals("-XX:-TieredCompilation")).toList();
        List<String> imageOptions = Arrays.asList(javaOpts.substring("ENV JAVA_OPTS=".length()).replace("\"", "").split("\\s+"));

        assertThat(stackOptions).isNotEmpty();
        assertThat(imageOptions).as(module).containsAll(stackOptions);
        assertThat(javaOpts).doesNotContain("-XX:-TieredCompilation");
        assertThat(lines).contains("ENV MALLOC_ARENA_MAX=2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"auth-service", "ingest-service", "recording-service", "simulcast-service", "console"})
    void theNativeImageRunsAsAUser(String module) throws IOException {
        List<String> lines = Files.readAllLines(dockerfile(module, "Dockerfile.native-micro"));

        assertThat(lines).contains("USER 1001");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("FROM quay.io/quarkus/"));
        assertThat(exposed(lines)).as(module).containsExactlyInAnyOrderElementsOf(podPorts(module));
    }

    private static Path dockerfile(String module, String name) {
        return Checkout.ROOT.resolve(module).resolve("src/main/docker").resolve(name);
    }

    private static List<Integer> exposed(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("EXPOSE "))
                .flatMap(l -> Arrays.stream(l.substring("EXPOSE ".length()).trim().split("\\s+")))
                .map(Integer::valueOf).toList();
    }

    /** The container ports of the service's pod, as the Quarkus Kubernetes extension declared them. */
    private static List<Integer> podPorts(String module) {
        return KubernetesManifestsTest.container("base", module).getPorts().stream().map(ContainerPort::getContainerPort).toList();
    }
}

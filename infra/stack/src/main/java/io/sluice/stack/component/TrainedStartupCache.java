package io.sluice.stack.component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

/**
 * A start-up cache trained by one whole run of the service on this machine, against the platform it runs
 * with. The build's cache ({@link StartupCache}) stops at the end of static initialisation, because the
 * build has no Kafka, database or identity provider; most of a start's work comes after that (runtime
 * configuration, the clients' connections, the first health checks), and only a run that did that work
 * can record it. The first start after a build trains ({@code -XX:AOTCacheOutput}: the JDK writes the
 * cache when the service stops cleanly); every later start uses it ({@code -XX:AOTCache}).
 *
 * <p>A cache older than the application is trained again; one the JDK finds unusable (made by another JDK
 * build, or cut short by a kill while it was written) is refused by the JVM itself, which then starts
 * without it.
 *
 * @param file where the trained cache is kept, outside the build's output so a clean build keeps no stale one
 * @param application the service's {@code target/quarkus-app} folder
 * @param javaFeature the feature release of the JDK that runs the service
 */
public record TrainedStartupCache(Path file, Path application, int javaFeature) {

    public static TrainedStartupCache of(Path cacheDir, String service, Path application) {
        return new TrainedStartupCache(cacheDir.resolve(service + "-trained.aot"), application, Runtime.version().feature());
    }

    /** Whether the JDK can train and read such a cache (the one-step {@code -XX:AOTCacheOutput} came with JDK 25). */
    public boolean supported() {
        return javaFeature >= StartupCache.AOT_CACHE_RELEASE;
    }

    /**
     * Whether a cache trained on the current application is there, and whole: the JDK records the run into a
     * temporary {@code .config} file beside it and removes that only once the cache is written, so a
     * leftover one means the writing failed or was cut short.
     */
    public boolean trained() {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) == 0 || Files.exists(recording())) {
                return false;
            }
            FileTime made = Files.getLastModifiedTime(file);
            return made.compareTo(Files.getLastModifiedTime(application.resolve("quarkus-run.jar"))) >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    private Path recording() {
        return file.resolveSibling(file.getFileName() + ".config");
    }

    /** Use the trained cache, or train one during this run. */
    public List<String> jvmOptions() {
        return trained() ? List.of("-XX:AOTCache=" + file) : List.of("-XX:AOTCacheOutput=" + file);
    }
}

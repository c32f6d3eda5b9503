package io.sluice.stack.component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;

/**
 * The start-up cache the build made beside a service's {@code quarkus-run.jar}: the JDK's ahead-of-time
 * cache ({@code app.aot}, JEP 483/514/515) when the build ran on a JDK 25 or newer, an AppCDS archive
 * ({@code app-cds.jsa}) otherwise. A cache older than the application it was made for, or an ahead-of-time
 * cache on a JDK that cannot read one, is not used. A cache made by another JDK build is refused by the JVM
 * itself, which then starts without it.
 *
 * @param application the service's {@code target/quarkus-app} folder
 * @param javaFeature the feature release of the JDK that runs the service (25 for JDK 25)
 */
public record StartupCache(Path application, int javaFeature) {

    /** The first JDK release with {@code -XX:AOTCache} and a cache made in one step ({@code -XX:AOTCacheOutput}). */
    static final int AOT_CACHE_RELEASE = 25;

    public static StartupCache of(Path application) {
        return new StartupCache(application, Runtime.version().feature());
    }

    /** The JVM options that use the cache: none when there is no usable one. */
    public List<String> jvmOptions() {
        return usable().map(StartupCache::option).map(List::of).orElse(List.of());
    }

    /** The cache file the service would start with. */
    public Optional<Path> usable() {
        Path aot = application.resolve("app.aot");
        if (javaFeature >= AOT_CACHE_RELEASE && current(aot)) {
            return Optional.of(aot);
        }
        Path appCds = application.resolve("app-cds.jsa");
        return current(appCds) ? Optional.of(appCds) : Optional.empty();
    }

    private static String option(Path cache) {
        return cache.getFileName().toString().endsWith(".aot")
                ? "-XX:AOTCache=" + cache
                : "-XX:SharedArchiveFile=" + cache;
    }

    private boolean current(Path cache) {
        Path jar = application.resolve("quarkus-run.jar");
        try {
            if (!Files.isRegularFile(cache) || !Files.isRegularFile(jar)) {
                return false;
            }
            FileTime made = Files.getLastModifiedTime(cache);
            return made.compareTo(Files.getLastModifiedTime(jar)) >= 0;
        } catch (IOException e) {
            return false;
        }
    }
}

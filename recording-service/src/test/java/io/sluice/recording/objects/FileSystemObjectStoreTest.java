package io.sluice.recording.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileSystemObjectStoreTest extends ObjectStoreContract {

    @TempDir
    Path root;

    @Override
    ObjectStore store() {
        return new FileSystemObjectStore(root);
    }

    @Test
    void aPutLeavesNoTemporaryFileBehind() throws IOException {
        store().put("t/s/r/seg-1.m4s", new byte[] {1});

        try (var files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile).map(root::relativize).map(Path::toString))
                    .containsExactly("t/s/r/seg-1.m4s");
        }
    }

    @Test
    void aGroupLeavesNoTemporaryFileBehind() throws IOException {
        store().putAll(Map.of("t/s/r/seg-1.0.m4s", new byte[] {1}, "t/s/r/seg-1.1.m4s", new byte[] {2},
                "t/s/q/init-0.mp4", new byte[] {3}));

        try (var files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile).map(root::relativize).map(Path::toString))
                    .containsExactlyInAnyOrder("t/s/r/seg-1.0.m4s", "t/s/r/seg-1.1.m4s", "t/s/q/init-0.mp4");
        }
    }

    @Test
    void aGroupThatCannotBeWrittenWhollyIsUnavailableAndLeavesNoTemporaryFile() throws IOException {
        Files.createDirectories(root.resolve("t"));
        Files.writeString(root.resolve("t/blocked"), "a file where a folder should be");
        Map<String, byte[]> group = new LinkedHashMap<>();
        group.put("t/s/r/seg-1.0.m4s", new byte[] {1});
        group.put("t/blocked/r/seg-1.0.m4s", new byte[] {2});

        assertThatThrownBy(() -> store().putAll(group)).isInstanceOf(StoreUnavailableException.class);
        try (var files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile).map(root::relativize).map(Path::toString))
                    .containsExactly("t/blocked");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"../outside", "t/../../outside", "/etc/passwd", "", "a\\b"})
    void noKeyReachesOutsideTheRoot(String key) {
        assertThatThrownBy(() -> store().put(key, new byte[] {1})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStoreThatCannotBeWrittenIsUnavailable() throws IOException {
        Path blocked = root.resolve("blocked");
        Files.writeString(blocked, "a file where a folder should be");
        ObjectStore store = new FileSystemObjectStore(blocked);

        assertThatThrownBy(() -> store.put("t/s/r/seg-1.m4s", new byte[] {1}))
                .isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(store::probe).isInstanceOf(StoreUnavailableException.class);
    }
}

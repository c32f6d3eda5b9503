package io.sluice.recording.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every object store backend promises, tested against a real filesystem and a real S3-compatible server. */
abstract class ObjectStoreContract {

    /** The store under test. */
    abstract ObjectStore store();

    private final String prefix = ObjectKeys.recording("acme", "ls_" + UUID.randomUUID(), "rec_0123456789abcdef0123456789abcdef");

    @Test
    void whatIsPutIsReadBackWholeAndByRange() throws Exception {
        byte[] data = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        store().put(prefix + "seg-1.m4s", data);

        assertThat(store().size(prefix + "seg-1.m4s")).hasValue(16);
        assertThat(store().read(prefix + "seg-1.m4s")).isEqualTo(data);
        try (InputStream range = store().open(prefix + "seg-1.m4s", 3, 5)) {
            assertThat(range.readAllBytes()).isEqualTo("34567".getBytes(StandardCharsets.US_ASCII));
        }
        try (InputStream empty = store().open(prefix + "seg-1.m4s", 16, 0)) {
            assertThat(empty.readAllBytes()).isEmpty();
        }
    }

    @Test
    void aPutReplacesTheObject() {
        store().put(prefix + "init-0.mp4", new byte[] {1, 2, 3});
        store().put(prefix + "init-0.mp4", new byte[] {9});

        assertThat(store().read(prefix + "init-0.mp4")).containsExactly(9);
    }

    @Test
    void aGroupIsStoredWholeAcrossFoldersAndReplacesWhatWasThere() {
        String other = ObjectKeys.recording("acme", "ls_" + UUID.randomUUID(), "rec_fedcba9876543210fedcba9876543210");
        store().put(prefix + "seg-1.0.m4s", new byte[] {1, 2, 3});
        Map<String, byte[]> group = new LinkedHashMap<>();
        group.put(prefix + "seg-1.0.m4s", new byte[] {4});
        group.put(prefix + "seg-1.1.m4s", new byte[] {5, 6});
        group.put(other + "init-0.mp4", new byte[] {7});

        store().putAll(group);

        assertThat(store().read(prefix + "seg-1.0.m4s")).containsExactly(4);
        assertThat(store().read(prefix + "seg-1.1.m4s")).containsExactly(5, 6);
        assertThat(store().read(other + "init-0.mp4")).containsExactly(7);
        store().putAll(Map.of());
    }

    @Test
    void aMissingObjectHasNoSizeAndCannotBeRead() {
        assertThat(store().size(prefix + "seg-404.m4s")).isEmpty();
        assertThatThrownBy(() -> store().read(prefix + "seg-404.m4s")).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void deletingByKeyAndByPrefix() {
        store().put(prefix + "seg-1.0.m4s", new byte[] {1});
        store().put(prefix + "seg-1.1.m4s", new byte[] {2});
        store().put(prefix + "seg-1.m4s", new byte[] {3});

        store().delete(List.of(prefix + "seg-1.0.m4s", prefix + "never-there.m4s"));
        assertThat(store().size(prefix + "seg-1.0.m4s")).isEmpty();
        assertThat(store().size(prefix + "seg-1.1.m4s")).isPresent();

        store().deletePrefix(prefix);
        assertThat(store().size(prefix + "seg-1.1.m4s")).isEmpty();
        assertThat(store().size(prefix + "seg-1.m4s")).isEmpty();
    }

    @Test
    void aProbeOfAWorkingStorePasses() {
        store().probe();
    }

    @Test
    void theLayoutKeepsEveryNameInsideItsFolder() {
        assertThat(ObjectKeys.recording("ac/me", "..", "rec_1")).isEqualTo("ac%2Fme/%2E%2E/rec_1/");
        assertThat(ObjectKeys.recording("Zürich", "ls_A-b", "rec_1")).isEqualTo("Z%C3%BCrich/ls_A-b/rec_1/");
        assertThat(ObjectKeys.part("t/s/r/", 41, 3)).isEqualTo("t/s/r/seg-41.3.m4s");
    }
}

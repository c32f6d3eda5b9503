package io.sluice.loadgen.rtmp;

import io.sluice.loadgen.auth.AuthApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The stream names publishers use: stream keys of live streams created through the auth API for the run
 * (and deleted after it), keys read from a file, or plain names for servers that check none.
 */
final class StreamNames implements AutoCloseable {

    private final List<String> names;
    private final AuthApi api;
    private final List<String> createdIds;

    private StreamNames(List<String> names, AuthApi api, List<String> createdIds) {
        this.names = List.copyOf(names);
        this.api = api;
        this.createdIds = List.copyOf(createdIds);
    }

    /** {@code prefix-1}, {@code prefix-2}, ...: for a server without stream keys, such as nginx-rtmp. */
    static StreamNames plain(String prefix, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            names.add(prefix + "-" + i);
        }
        return new StreamNames(names, null, List.of());
    }

    /** The first {@code count} non-blank lines of {@code file}, one stream key each. */
    static StreamNames fromFile(Path file, int count) throws IOException {
        List<String> keys = Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty())
                .limit(count).toList();
        if (keys.size() < count) {
            throw new IllegalArgumentException(file + " holds " + keys.size() + " keys, " + count + " are needed");
        }
        return new StreamNames(keys, null, List.of());
    }

    /** Creates {@code count} live streams and takes their keys; {@link #close()} deletes them. */
    static StreamNames created(AuthApi api, int count) throws IOException, InterruptedException {
        List<String> keys = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 1; i <= count; i++) {
                AuthApi.CreatedStream stream = api.createStream("load " + i);
                ids.add(stream.id());
                keys.add(stream.streamKey());
            }
        } catch (IOException | RuntimeException e) {
            deleteAll(api, ids);
            throw e;
        }
        return new StreamNames(keys, api, ids);
    }

    String get(int index) {
        return names.get(index);
    }

    /** The API of the streams, when they were created through it. */
    AuthApi api() {
        return api;
    }

    /** The id of the {@code index}th created stream. */
    String id(int index) {
        return createdIds.get(index);
    }

    /** How the names were made, for the report; never the names, which may be keys. */
    String describe() {
        return api != null ? createdIds.size() + " live streams created through the auth API"
                : names.size() + " stream names";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (api != null) {
            deleteAll(api, createdIds);
        }
    }

    private static void deleteAll(AuthApi api, List<String> ids) throws IOException, InterruptedException {
        for (String id : ids) {
            api.deleteStream(id);
        }
    }
}

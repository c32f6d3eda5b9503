package io.sluice.recording.objects;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * Objects as files under a root folder. A put writes a temporary file beside the target, forces it to disk,
 * renames it over the target and forces the folder, so that after a crash an object is either entirely the old
 * one, entirely the new one, or absent, and what a put returned from survives a power cut.
 *
 * <p>{@link #putAll} does the same for a group with one pass of each step: every temporary file written, then
 * all forced at once (concurrent fsyncs share the file system's journal commits), then all renamed, then each
 * folder forced once. The guarantee is the one of a put per object, for a cost of about two fsyncs in a row.
 */
public final class FileSystemObjectStore implements ObjectStore {

    private static final String TEMPORARY = ".tmp-";

    /** fsyncs of a group in flight at once. */
    private static final int PARALLEL_FSYNCS = 64;

    private final Path root;
    private final ParallelWrites parallel = new ParallelWrites(PARALLEL_FSYNCS);

    public FileSystemObjectStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** A file of a group written beside its target, not yet forced or renamed. */
    private record Staged(Path target, Path temporary) {
    }

    @Override
    public void putAll(Map<String, byte[]> objects) {
        if (objects.size() <= 1) {
            objects.forEach(this::put);
            return;
        }
        List<Staged> staged = new ArrayList<>(objects.size());
        for (String key : objects.keySet()) {
            Path target = resolve(key);
            staged.add(new Staged(target, target.resolveSibling(TEMPORARY + UUID.randomUUID())));
        }
        int renamed = 0;
        try {
            int index = 0;
            for (byte[] data : objects.values()) {
                Staged file = staged.get(index++);
                createFolders(file.target().getParent());
                write(file.temporary(), data, false);
            }
            parallel.each(staged, file -> force(file.temporary()));
            Set<Path> folders = new LinkedHashSet<>();
            for (Staged file : staged) {
                Files.move(file.temporary(), file.target(), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
                renamed++;
                folders.add(file.target().getParent());
            }
            parallel.each(folders, FileSystemObjectStore::forceFolder);
        } catch (IOException e) {
            for (Staged file : staged.subList(renamed, staged.size())) {
                try {
                    Files.deleteIfExists(file.temporary());
                } catch (IOException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw new StoreUnavailableException("cannot write " + objects.size() + " objects under " + root + ": " + e,
                    e);
        }
    }

    @Override
    public void put(String key, byte[] data) {
        Path target = resolve(key);
        Path temporary = target.resolveSibling(TEMPORARY + UUID.randomUUID());
        try {
            createFolders(target.getParent());
            write(temporary, data, true);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceFolder(target.getParent());
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new StoreUnavailableException("cannot write " + key + " under " + root + ": " + e, e);
        }
    }

    @Override
    public OptionalLong size(String key) {
        try {
            return OptionalLong.of(Files.size(resolve(key)));
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot read " + key + ": " + e, e);
        }
    }

    @Override
    public InputStream open(String key, long offset, long length) {
        try {
            FileChannel channel = FileChannel.open(resolve(key), StandardOpenOption.READ);
            channel.position(offset);
            return new BoundedInputStream(Channels.newInputStream(channel), length);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("no object " + key, e);
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot read " + key + ": " + e, e);
        }
    }

    @Override
    public byte[] read(String key) {
        try {
            return Files.readAllBytes(resolve(key));
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("no object " + key, e);
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot read " + key + ": " + e, e);
        }
    }

    @Override
    public void delete(Collection<String> keys) {
        for (String key : keys) {
            try {
                Files.deleteIfExists(resolve(key));
            } catch (IOException e) {
                throw new StoreUnavailableException("cannot delete " + key + ": " + e, e);
            }
        }
    }

    @Override
    public void deletePrefix(String prefix) {
        if (!prefix.endsWith("/")) {
            throw new IllegalArgumentException("a prefix names a folder: " + prefix);
        }
        Path folder = resolve(prefix.substring(0, prefix.length() - 1));
        if (!Files.isDirectory(folder)) {
            return;
        }
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    try {
                        Files.deleteIfExists(dir);
                    } catch (DirectoryNotEmptyException e) {
                        // A put raced the delete; what it wrote goes with the next delete.
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot delete " + prefix + ": " + e, e);
        }
    }

    @Override
    public void probe() {
        put(".probe", new byte[] {1});
    }

    @Override
    public String describe() {
        return root.toString();
    }

    /** The file of a key, which can never lie outside the root. */
    private Path resolve(String key) {
        if (key.isEmpty() || key.startsWith("/") || key.contains("\\") || key.contains("\0")) {
            throw new IllegalArgumentException("not an object key: " + key);
        }
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("not an object key: " + key);
        }
        return path;
    }

    /** Creates missing folders and forces each one's parent, so that a new folder survives a crash too. */
    private void createFolders(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        createFolders(folder.getParent());
        try {
            Files.createDirectory(folder);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return;
        }
        forceFolder(folder.getParent());
    }

    private static void write(Path file, byte[] data, boolean force) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(data);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (force) {
                channel.force(true);
            }
        }
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    private static void forceFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}

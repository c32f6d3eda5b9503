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
import java.util.Collection;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Objects as files under a root folder. A put writes a temporary file beside the target, forces it to disk,
 * renames it over the target and forces the folder, so that after a crash an object is either entirely the old
 * one, entirely the new one, or absent, and what a put returned from survives a power cut.
 */
public final class FileSystemObjectStore implements ObjectStore {

    private static final String TEMPORARY = ".tmp-";

    private final Path root;

    public FileSystemObjectStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, byte[] data) {
        Path target = resolve(key);
        Path temporary = target.resolveSibling(TEMPORARY + UUID.randomUUID());
        try {
            createFolders(target.getParent());
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(data);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
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

    private static void forceFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}

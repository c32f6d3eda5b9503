package io.sluice.recording.api;

import io.sluice.recording.objects.ObjectStore;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A file sent from the object store, whole or by byte range: a media file is one object; the MP4 download is a
 * header and ranges of many. It is streamed, never held whole in memory, with its length known up front.
 */
final class FileBody {

    /** One piece of the file: bytes in hand, or a range of a stored object. */
    record Piece(byte[] bytes, String key, long offset, long length) {

        static Piece of(byte[] bytes) {
            return new Piece(bytes, null, 0, bytes.length);
        }

        static Piece of(String key, long offset, long length) {
            return new Piece(null, key, offset, length);
        }
    }

    private static final int COPY_BUFFER = 64 * 1024;

    private final ObjectStore store;
    private final List<Piece> pieces;
    private final long size;

    FileBody(ObjectStore store, List<Piece> pieces) {
        this.store = store;
        this.pieces = List.copyOf(pieces);
        this.size = pieces.stream().mapToLong(Piece::length).sum();
    }

    /** 200 with the whole file, 206 with the range a {@code Range} header asks, 416 for one outside it. */
    Response respond(String contentType, String cacheControl, String rangeHeader, UriInfo uri) {
        Optional<ByteRange> range;
        try {
            range = ByteRange.parse(rangeHeader, size);
        } catch (ByteRange.Unsatisfiable e) {
            return ProblemResponses.rangeNotSatisfiable(size, uri);
        }
        long first = range.map(ByteRange::first).orElse(0L);
        long length = range.map(ByteRange::length).orElse(size);
        Response.ResponseBuilder response = Response.status(range.isPresent() ? 206 : 200)
                .type(contentType)
                .header(HttpHeaders.CONTENT_LENGTH, length)
                .header("Accept-Ranges", "bytes")
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .entity((StreamingOutput) out -> write(out, first, length));
        range.ifPresent(r -> response.header("Content-Range", "bytes " + r.first() + "-" + r.last() + "/" + size));
        return response.build();
    }

    private void write(OutputStream out, long from, long length) throws IOException {
        long position = 0;
        long left = length;
        for (Piece piece : slice(from, length)) {
            if (piece.bytes() != null) {
                out.write(piece.bytes(), (int) piece.offset(), (int) piece.length());
            } else {
                try (InputStream in = store.open(piece.key(), piece.offset(), piece.length())) {
                    byte[] buffer = new byte[COPY_BUFFER];
                    long copied = 0;
                    int n;
                    while (copied < piece.length() && (n = in.read(buffer, 0, (int) Math.min(buffer.length,
                            piece.length() - copied))) > 0) {
                        out.write(buffer, 0, n);
                        copied += n;
                    }
                    if (copied != piece.length()) {
                        throw new IOException("object " + piece.key() + " ended " + (piece.length() - copied)
                                + " bytes early");
                    }
                }
            }
            position += piece.length();
            left -= piece.length();
        }
        if (left != 0 || position != length) {
            throw new IOException("sent " + position + " of " + length + " bytes");
        }
    }

    /** The pieces covering {@code [from, from + length)}, cut at its ends. */
    private List<Piece> slice(long from, long length) {
        List<Piece> cut = new ArrayList<>();
        long start = 0;
        long end = from + length;
        for (Piece piece : pieces) {
            long pieceEnd = start + piece.length();
            if (pieceEnd > from && start < end) {
                long skip = Math.max(0, from - start);
                long take = Math.min(pieceEnd, end) - Math.max(start, from);
                cut.add(new Piece(piece.bytes(), piece.key(), piece.offset() + skip, take));
            }
            start = pieceEnd;
        }
        return cut;
    }
}

/**
 * The RTMP chunk stream (section 5.3): splitting messages into chunks with compressed headers, and
 * reassembling them. {@link io.sluice.media.rtmp.chunk.ChunkDecoder} turns bytes into complete
 * {@link io.sluice.media.rtmp.chunk.RawMessage}s, holding partial headers and payloads across reads;
 * {@link io.sluice.media.rtmp.chunk.ChunkEncoder} does the reverse into an
 * {@link io.sluice.media.rtmp.chunk.OutputBuffer}. What a message means is the {@code message} package's
 * business.
 */
package io.sluice.media.rtmp.chunk;

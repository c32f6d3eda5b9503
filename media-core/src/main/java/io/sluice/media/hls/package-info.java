/**
 * HLS playlists (RFC 8216bis) as values and their text: {@link io.sluice.media.hls.MediaPlaylist}, live with
 * Low-Latency HLS parts or complete with {@code EXT-X-ENDLIST}, and the
 * {@link io.sluice.media.hls.MultivariantPlaylist} that names its codecs and resolution. No I/O.
 */
package io.sluice.media.hls;

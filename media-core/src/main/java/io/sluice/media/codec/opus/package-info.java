/** Opus: the identification header, as {@code OpusHead} or {@code dOps}. */
package io.sluice.media.codec.opus;

package io.sluice.media.flv;

/** What an {@link FlvReader} yields: the file header once, then tags. */
public sealed interface FlvElement permits FlvHeader, FlvTag {
}

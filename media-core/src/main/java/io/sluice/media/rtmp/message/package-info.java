/**
 * RTMP messages (sections 5.4, 6.2 and 7.1) as a closed set: {@link io.sluice.media.rtmp.message.RtmpMessage}
 * permits one record per message type, and {@link io.sluice.media.rtmp.message.MessageCodec} is the one
 * place that turns a {@link io.sluice.media.rtmp.chunk.RawMessage} into the right record by its type id,
 * and back. Audio and video payloads stay opaque bytes: they are FLV tag bodies, legacy or Enhanced RTMP,
 * and this layer never looks inside.
 */
package io.sluice.media.rtmp.message;

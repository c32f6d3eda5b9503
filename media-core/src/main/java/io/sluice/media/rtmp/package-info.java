/**
 * RTMP (Adobe "Real-Time Messaging Protocol" 1.0, December 2012) and its Enhanced RTMP additions, one
 * package per wire layer: {@code handshake}, {@code chunk} (chunk stream and message assembly),
 * {@code message} (the closed set of RTMP messages) and {@code session} (the sans-IO server and client
 * state machines on top). {@link io.sluice.media.rtmp.RtmpLimits} bounds everything the peer controls.
 */
package io.sluice.media.rtmp;

/**
 * Sans-IO RTMP session state machines: {@link io.sluice.media.rtmp.session.RtmpServerSession} for the
 * ingest (an encoder publishes to us) and {@link io.sluice.media.rtmp.session.RtmpClientSession} for
 * simulcast and load generation (we publish to a server). Each takes bytes with {@code feed}, queues the
 * bytes to send and the events that happened, and never touches a socket, a thread or a clock; the
 * service drains both and does the I/O. Malformed input and broken limits end a session in its failed
 * state with the reason; they are never thrown at the caller.
 */
package io.sluice.media.rtmp.session;

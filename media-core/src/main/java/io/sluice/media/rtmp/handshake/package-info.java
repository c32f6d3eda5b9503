/**
 * The RTMP handshake (section 5.2): C0/C1/C2 from the client, S0/S1/S2 from the server, in the simple form
 * of the specification and in the digest form (HMAC-SHA256 keyed with the "Genuine Adobe Flash Player 001"
 * and "Genuine Adobe Flash Media Server 001" constants) that Flash Player 9+, librtmp-based encoders and
 * ffmpeg send. Both sides are sans-IO: bytes in, bytes to send out.
 */
package io.sluice.media.rtmp.handshake;

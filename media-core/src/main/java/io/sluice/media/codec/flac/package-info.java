/** FLAC: the STREAMINFO block of an E-RTMP {@code fLaC} sequence header. */
package io.sluice.media.codec.flac;

package io.sluice.media.ertmp;

/** What follows the ExAudioTagHeader: one packet or a multitrack set. */
public sealed interface ExAudioContent permits AudioPacket, AudioMultitrack {
}

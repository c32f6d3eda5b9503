package io.sluice.media.ertmp;

/** What follows the ExVideoTagHeader: a command, one packet, or a multitrack set. */
public sealed interface ExVideoContent permits ExVideoCommand, VideoPacket, VideoMultitrack {
}

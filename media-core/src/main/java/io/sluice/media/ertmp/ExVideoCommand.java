package io.sluice.media.ertmp;

/**
 * A video command frame (frame type Command, packet type other than Metadata): a UI8 command and no video data.
 * The packet type nibble carries no meaning then, but is kept for a byte-identical rewrite.
 */
public record ExVideoCommand(VideoPacketType packetType, int command) implements ExVideoContent {

    public ExVideoCommand {
        Fields.unsigned("command", command, 8);
        if (packetType == VideoPacketType.METADATA || packetType == VideoPacketType.MOD_EX) {
            throw new IllegalArgumentException("a command frame cannot have packet type " + packetType);
        }
    }
}

package io.sluice.media.ertmp;

/**
 * A legacy video info/command frame (FrameType 5): one command byte instead of video data; 0 starts and 1 ends
 * client-side seeking, the other values are reserved.
 */
public record LegacyVideoCommand(int codecId, int command) implements VideoTag {

    public LegacyVideoCommand {
        Fields.unsigned("codecId", codecId, 4);
        Fields.unsigned("command", command, 8);
    }
}

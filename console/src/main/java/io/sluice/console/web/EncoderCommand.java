package io.sluice.console.web;

/** The ffmpeg command the encoder panel offers to copy, the one the README's "Go live" recipe uses. */
final class EncoderCommand {

    /** What stands for the key when it is not shown: a shell variable, so the command stays copyable. */
    static final String KEY_PLACEHOLDER = "$STREAM_KEY";

    private EncoderCommand() {
    }

    static String ffmpeg(String serverUrl, String key) {
        String target = serverUrl + "/" + (key == null ? KEY_PLACEHOLDER : key);
        return "ffmpeg -re -i input.mp4 -c:v libx264 -preset veryfast -b:v 3000k -maxrate 3000k -bufsize 6000k -g 60 "
                + "-c:a aac -b:a 128k -ar 48000 -f flv \"" + target + "\"";
    }
}

package io.sluice.media.codec;

import io.sluice.media.error.MediaFormatException;

/** Picture size after a cropping (H.264 frame_cropping) or conformance window (H.265), both in luma samples. */
public final class VideoCrop {

    private VideoCrop() {
    }

    /** {@code coded - unit * (first + second)}, refusing a crop that leaves no picture. */
    public static int croppedSize(String axis, long coded, long unit, long first, long second) {
        long cropped = coded - unit * (first + second);
        if (cropped <= 0 || cropped > coded) {
            throw new MediaFormatException(axis + " cropping removes the whole picture");
        }
        return (int) cropped;
    }
}

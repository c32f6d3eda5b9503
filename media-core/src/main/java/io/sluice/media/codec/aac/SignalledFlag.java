package io.sluice.media.codec.aac;

/**
 * An AudioSpecificConfig flag that may or may not be signalled explicitly (sbrPresentFlag and psPresentFlag,
 * ISO/IEC 14496-3 1.6.5.1): when it is not, a decoder has to find out from the bitstream (implicit signalling).
 */
public enum SignalledFlag {
    /** Not signalled in the configuration; only the audio frames can tell. */
    UNSIGNALLED,
    /** Signalled present. */
    PRESENT,
    /** Signalled absent. */
    ABSENT
}

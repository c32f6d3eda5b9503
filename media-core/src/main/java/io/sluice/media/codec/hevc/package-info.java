/** H.265/HEVC: the {@code hvcC} configuration record, the sequence parameter set and IRAP detection. */
package io.sluice.media.codec.hevc;

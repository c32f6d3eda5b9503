/** H.264/AVC: the {@code avcC} configuration record, the sequence parameter set and IDR detection. */
package io.sluice.media.codec.avc;

/** AV1: the {@code av1C} configuration record, OBU splitting, the sequence header and key frame detection. */
package io.sluice.media.codec.av1;

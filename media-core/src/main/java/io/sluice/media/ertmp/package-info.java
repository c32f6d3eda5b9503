/**
 * Audio and video tag bodies, legacy FLV and Enhanced RTMP v2: {@link io.sluice.media.ertmp.TagBodyParser}
 * parses a body into a sealed {@link io.sluice.media.ertmp.MediaTag}, {@link io.sluice.media.ertmp.TagBodyWriter}
 * turns it back into the same bytes, and {@link io.sluice.media.ertmp.KeyframeDetector} finds random access
 * points.
 */
package io.sluice.media.ertmp;

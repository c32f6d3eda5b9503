/** RTMP timestamps: serial-number arithmetic on 32-bit values and a monotonic 64-bit timeline. */
package io.sluice.media.time;

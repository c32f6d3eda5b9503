/** VP9 (and the shared VP8/VP9 {@code vpcC} record): configuration record and frame header. */
package io.sluice.media.codec.vp9;

/** MPEG audio (MP3): frame headers. */
package io.sluice.media.codec.mp3;

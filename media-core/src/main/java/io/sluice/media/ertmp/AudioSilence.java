package io.sluice.media.ertmp;

/**
 * An empty audio message, without even an AudioTagHeader: the silence message of RTMP (E-RTMP v2, Enhanced
 * Audio): play out what is buffered, then run on the wall clock until audio returns.
 */
public record AudioSilence() implements AudioTag {
}

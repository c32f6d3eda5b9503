package io.sluice.media.ertmp;

/** A parsed FLV audio or video tag body (the payload of an RTMP audio or video message). */
public sealed interface MediaTag permits AudioTag, VideoTag {
}

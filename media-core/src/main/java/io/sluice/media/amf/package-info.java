/**
 * Action Message Format: AMF0 (Adobe "AMF 0 File Format Specification") and AMF3 ("AMF 3 Specification"),
 * as RTMP carries them in command and data messages.
 *
 * <p>Values are immutable records under the sealed interfaces {@link io.sluice.media.amf.Amf0Value} and
 * {@link io.sluice.media.amf.Amf3Value}. {@link io.sluice.media.amf.Amf0Reader} and
 * {@link io.sluice.media.amf.Amf3Reader} decode a complete payload (RTMP hands over whole messages, so
 * truncation is malformed input, never "need more bytes"); {@link io.sluice.media.amf.Amf0Writer} and
 * {@link io.sluice.media.amf.Amf3Writer} produce the canonical encoding. Every size read off the wire is
 * bounded by {@link io.sluice.media.amf.AmfLimits}.
 *
 * <p>Object references (AMF0 reference type, AMF3 object-table references) are kept as explicit
 * {@link io.sluice.media.amf.Amf0Reference} and {@link io.sluice.media.amf.Amf3Reference} values instead
 * of being resolved into shared or cyclic object graphs: a hostile payload can then neither build a cycle
 * nor make a consumer walk an exponentially large tree, and re-encoding gives back the same bytes.
 * AMF3 string and trait references are resolved, as they only ever point at already complete values.
 */
package io.sluice.media.amf;

package io.sluice.media.rtmp.session;

import io.sluice.media.amf.Amf0Number;
import io.sluice.media.amf.Amf0Object;
import io.sluice.media.amf.Amf0Properties;
import io.sluice.media.amf.Amf0StrictArray;
import io.sluice.media.amf.Amf0String;
import io.sluice.media.amf.Amf0Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Enhanced RTMP capabilities exchanged in connect (E-RTMP v2, "Enhancing NetConnection connect
 * Command"): the legacy {@code fourCcList}, the per-codec {@code videoFourCcInfoMap} and
 * {@code audioFourCcInfoMap} (FourCC to {@code FourCcInfoMask} flags, {@code "*"} for any codec) and the
 * {@code capsEx} flags. A legacy client sends none of them, which is {@link #NONE}.
 *
 * @param fourCcList         codecs as FourCC strings, empty when absent
 * @param videoFourCcInfoMap video FourCC to capability flags, empty when absent
 * @param audioFourCcInfoMap audio FourCC to capability flags, empty when absent
 * @param capsEx             {@code CapsExMask} flags, 0 when absent
 */
public record EnhancedCapabilities(List<String> fourCcList, Map<String, Integer> videoFourCcInfoMap,
        Map<String, Integer> audioFourCcInfoMap, int capsEx) {

    /** CapsExMask: understands NetConnection.Connect.ReconnectRequest. */
    public static final int CAPS_EX_RECONNECT = 0x01;
    /** CapsExMask: handles multitrack audio and video. */
    public static final int CAPS_EX_MULTITRACK = 0x02;
    /** CapsExMask: can parse the ModEx signal. */
    public static final int CAPS_EX_MOD_EX = 0x04;
    /** CapsExMask: handles the nanosecond timestamp offset. */
    public static final int CAPS_EX_TIMESTAMP_NANO_OFFSET = 0x08;
    /** FourCcInfoMask: can decode the codec. */
    public static final int FOURCC_CAN_DECODE = 0x01;
    /** FourCcInfoMask: can encode the codec. */
    public static final int FOURCC_CAN_ENCODE = 0x02;
    /** FourCcInfoMask: can forward the codec untouched. */
    public static final int FOURCC_CAN_FORWARD = 0x04;
    /** The wildcard FourCC: any codec. */
    public static final String ANY_CODEC = "*";

    /** No Enhanced RTMP properties at all: a legacy peer. */
    public static final EnhancedCapabilities NONE = new EnhancedCapabilities(List.of(), Map.of(), Map.of(), 0);

    /**
     * What an ingest that passes media through untouched can promise: forwarding of any audio and video
     * codec, and reconnect requests.
     */
    public static final EnhancedCapabilities FORWARD_ANY_CODEC = new EnhancedCapabilities(List.of(),
            Map.of(ANY_CODEC, FOURCC_CAN_FORWARD), Map.of(ANY_CODEC, FOURCC_CAN_FORWARD), CAPS_EX_RECONNECT);

    public EnhancedCapabilities {
        fourCcList = List.copyOf(fourCcList);
        videoFourCcInfoMap = ordered(videoFourCcInfoMap);
        audioFourCcInfoMap = ordered(audioFourCcInfoMap);
    }

    /** Whether none of the properties is present. */
    public boolean isEmpty() {
        return fourCcList.isEmpty() && videoFourCcInfoMap.isEmpty() && audioFourCcInfoMap.isEmpty() && capsEx == 0;
    }

    /** Whether every bit of {@code capsExFlags} is set. */
    public boolean has(int capsExFlags) {
        return (capsEx & capsExFlags) == capsExFlags;
    }

    /**
     * Reads the properties from a connect command object. Entries of the wrong AMF type, and list entries
     * that are not a FourCC (four characters) or the wildcard, are skipped rather than failing the connect;
     * an ECMA array is accepted wherever an object is expected, as the specification asks of readers.
     */
    static EnhancedCapabilities from(Amf0Properties commandObject) {
        List<String> fourCcs = new ArrayList<>();
        if (commandObject.get("fourCcList").orElse(null) instanceof Amf0StrictArray(List<Amf0Value> values)) {
            for (Amf0Value value : values) {
                if (isFourCc(value.asText())) {
                    fourCcs.add(value.asText());
                }
            }
        }
        int capsEx = (int) commandObject.number("capsEx").orElse(0);
        return new EnhancedCapabilities(fourCcs, infoMap(commandObject, "videoFourCcInfoMap"),
                infoMap(commandObject, "audioFourCcInfoMap"), capsEx);
    }

    /**
     * What a server with these capabilities states in its connect {@code _result} to a client that sent
     * {@code client}: nothing for a legacy client; otherwise its own info maps and capsEx, as the
     * specification asks, plus, for a client that used the original {@code fourCcList}, the part of that
     * list the server takes.
     */
    EnhancedCapabilities answer(EnhancedCapabilities client) {
        if (client.isEmpty()) {
            return NONE;
        }
        List<String> accepted = client.fourCcList.stream().filter(this::accepts).toList();
        return new EnhancedCapabilities(accepted, videoFourCcInfoMap, audioFourCcInfoMap, capsEx);
    }

    /** Adds the present properties to a connect command object or a {@code _result} properties object. */
    void addTo(Map<String, Amf0Value> properties) {
        if (!fourCcList.isEmpty()) {
            List<Amf0Value> fourCcs = fourCcList.stream().<Amf0Value>map(Amf0String::new).toList();
            properties.put("fourCcList", new Amf0StrictArray(fourCcs));
        }
        if (!videoFourCcInfoMap.isEmpty()) {
            properties.put("videoFourCcInfoMap", toObject(videoFourCcInfoMap));
        }
        if (!audioFourCcInfoMap.isEmpty()) {
            properties.put("audioFourCcInfoMap", toObject(audioFourCcInfoMap));
        }
        if (capsEx != 0) {
            properties.put("capsEx", new Amf0Number(capsEx));
        }
    }

    private boolean accepts(String fourCc) {
        return videoFourCcInfoMap.containsKey(ANY_CODEC) || audioFourCcInfoMap.containsKey(ANY_CODEC)
                || videoFourCcInfoMap.containsKey(fourCc) || audioFourCcInfoMap.containsKey(fourCc);
    }

    private static boolean isFourCc(String text) {
        return text != null && (text.length() == 4 || text.equals(ANY_CODEC));
    }

    private static Map<String, Integer> infoMap(Amf0Properties commandObject, String name) {
        Map<String, Integer> flags = new LinkedHashMap<>();
        commandObject.container(name).ifPresent(map -> map.asMap().forEach((fourCc, value) -> {
            if (value instanceof Amf0Number(double number)) {
                flags.put(fourCc, (int) number);
            }
        }));
        return flags;
    }

    private static Amf0Object toObject(Map<String, Integer> flags) {
        Map<String, Amf0Value> properties = new LinkedHashMap<>();
        flags.forEach((fourCc, value) -> properties.put(fourCc, new Amf0Number(value)));
        return new Amf0Object(properties);
    }

    private static Map<String, Integer> ordered(Map<String, Integer> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}

package io.sluice.media.rtmp.session;

import io.sluice.media.amf.Amf0Number;
import io.sluice.media.amf.Amf0Object;
import io.sluice.media.amf.Amf0String;
import io.sluice.media.amf.Amf0Value;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the info objects of {@code _result}, {@code _error} and {@code onStatus}: level, code, description. */
final class StatusInfo {

    private StatusInfo() {
    }

    static Amf0Object of(String level, String code, String description) {
        return of(level, code, description, Map.of());
    }

    static Amf0Object of(String level, String code, String description, Map<String, Amf0Value> extra) {
        Map<String, Amf0Value> info = new LinkedHashMap<>();
        info.put("level", new Amf0String(level));
        info.put("code", new Amf0String(code));
        if (description != null) {
            info.put("description", new Amf0String(description));
        }
        info.putAll(extra);
        return new Amf0Object(info);
    }

    static Map<String, Amf0Value> objectEncoding(int encoding) {
        return Map.of("objectEncoding", new Amf0Number(encoding));
    }
}

package io.sluice.media.rtmp.session;

import io.sluice.media.amf.Amf0Properties;
import java.util.Objects;

/**
 * What the client said in connect (section 7.2.1.1 and E-RTMP v2). Optional properties the client did not
 * send are {@code null}.
 *
 * @param app            the application name, such as {@code live}
 * @param tcUrl          the server URL the client connected to, such as {@code rtmp://host/live}
 * @param flashVer       the client's version string, such as {@code FMLE/3.0 (compatible; Lavf59.27.100)}
 * @param swfUrl         the SWF URL, sent by Flash-era clients only
 * @param pageUrl        the page URL, sent by Flash-era clients only
 * @param objectEncoding 0 for AMF0, 3 when the client also speaks AMF3
 * @param capabilities   the Enhanced RTMP capabilities, {@link EnhancedCapabilities#NONE} for a legacy client
 * @param commandObject  the whole command object, for properties this record does not name
 */
public record ConnectRequest(String app, String tcUrl, String flashVer, String swfUrl, String pageUrl,
        int objectEncoding, EnhancedCapabilities capabilities, Amf0Properties commandObject) {

    public ConnectRequest {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(capabilities, "capabilities");
        Objects.requireNonNull(commandObject, "commandObject");
    }

    /**
     * Reads a connect command object. Property names are matched as clients spell them, including the
     * lower-case {@code tcurl} and {@code flashver} some send. Returns {@code null} when there is no
     * {@code app}, which the server answers with NetConnection.Connect.Rejected.
     */
    static ConnectRequest from(Amf0Properties commandObject) {
        String app = commandObject.text("app").orElse(null);
        if (app == null) {
            return null;
        }
        String tcUrl = commandObject.text("tcUrl").or(() -> commandObject.text("tcurl")).orElse(null);
        String flashVer = commandObject.text("flashVer").or(() -> commandObject.text("flashver")).orElse(null);
        int objectEncoding = commandObject.number("objectEncoding").orElse(0) == 3 ? 3 : 0;
        return new ConnectRequest(app, tcUrl, flashVer, commandObject.text("swfUrl").orElse(null),
                commandObject.text("pageUrl").orElse(null), objectEncoding,
                EnhancedCapabilities.from(commandObject), commandObject);
    }
}

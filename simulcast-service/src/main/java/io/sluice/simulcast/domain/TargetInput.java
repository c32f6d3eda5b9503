package io.sluice.simulcast.domain;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;

/** The checks of what users send for a target's fields, each failing with the field's name and a clear message. */
final class TargetInput {

    static final int KEY_MAX_LENGTH = 512;
    static final int PASSTHROUGH_MAX_LENGTH = 255;
    static final int CA_MAX_LENGTH = 65_536;
    /** Keys shorter than this show nothing of themselves, not even the last four characters. */
    private static final int KEY_LENGTH_TO_SHOW_LAST4 = 12;

    private TargetInput() {
    }

    static String streamKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new InvalidTargetException("stream_key", "is required");
        }
        if (key.length() > KEY_MAX_LENGTH || key.chars().anyMatch(c -> c <= ' ' || c == 0x7F)) {
            throw new InvalidTargetException("stream_key", "must be at most " + KEY_MAX_LENGTH
                    + " characters without spaces or control characters");
        }
        return key;
    }

    /** The last four characters of a key long enough for them to say little of it, else nothing. */
    static String last4(String key) {
        return key.length() < KEY_LENGTH_TO_SHOW_LAST4 ? "" : key.substring(key.length() - 4);
    }

    static String passthrough(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.length() > PASSTHROUGH_MAX_LENGTH || text.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidTargetException("passthrough", "must be at most " + PASSTHROUGH_MAX_LENGTH
                    + " characters without control characters");
        }
        return text;
    }

    /** A PEM of one or more certificates, or null for none. */
    static String caPem(String pem) {
        if (pem == null || pem.isBlank()) {
            return null;
        }
        if (pem.length() > CA_MAX_LENGTH) {
            throw new InvalidTargetException("tls_ca_pem", "must be at most " + CA_MAX_LENGTH + " characters");
        }
        try {
            if (CertificateFactory.getInstance("X.509").generateCertificates(
                    new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))).isEmpty()) {
                throw new InvalidTargetException("tls_ca_pem", "holds no certificate");
            }
        } catch (CertificateException e) {
            throw new InvalidTargetException("tls_ca_pem", "is not a PEM X.509 certificate");
        }
        return pem;
    }
}

package io.sluice.auth.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * New stream keys and ids. A key is {@value #KEY_PREFIX} followed by 256 bits from the platform's CSPRNG in
 * unpadded base64url (53 characters): the prefix lets people and secret scanners recognise a leaked key,
 * and the alphabet is safe in an RTMP URL and in OBS's stream key field.
 */
@ApplicationScoped
public class StreamKeyGenerator {

    public static final String KEY_PREFIX = io.sluice.events.StreamKeyRedaction.KEY_PREFIX;
    static final int KEY_BYTES = 32;

    private final SecureRandom random = new SecureRandom();
    private final Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();

    public String newKey() {
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        return KEY_PREFIX + base64url.encodeToString(bytes);
    }

    /** {@code ls_} and 128 random bits in hex: not secret, but not guessable either. */
    public String newStreamId() {
        return "ls_" + randomHex();
    }

    /** Unrelated to the stream id, so a viewer's URL tells nothing about the stream it plays. */
    public String newPlaybackId() {
        return "pb_" + randomHex();
    }

    private String randomHex() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}

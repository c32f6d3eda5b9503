package io.sluice.simulcast.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** AES-GCM sealing of target keys, and rotation by key id. */
class KeyCipherTest {

    private static final String ONE = "one:" + Base64.getEncoder().encodeToString("k".repeat(32).getBytes(StandardCharsets.US_ASCII));
    private static final String TWO = "two:" + Base64.getEncoder().encodeToString("m".repeat(32).getBytes(StandardCharsets.US_ASCII));

    @Test
    void sealsWithTheActiveKeyAndOpensWithTheKeyOfTheRow() {
        KeyCipher before = new KeyCipher("one", ONE);
        KeyCipher.Sealed old = before.seal("live_123_secret");
        assertThat(old.keyId()).isEqualTo("one");
        assertThat(new String(old.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("secret");
        assertThat(before.seal("live_123_secret").ciphertext()).as("a fresh nonce each time").isNotEqualTo(old.ciphertext());

        KeyCipher rotated = new KeyCipher("two", ONE + "," + TWO);
        assertThat(rotated.open(old)).isEqualTo("live_123_secret");
        KeyCipher.Sealed fresh = rotated.seal("live_456_secret");
        assertThat(fresh.keyId()).isEqualTo("two");
        assertThat(rotated.open(fresh)).isEqualTo("live_456_secret");
    }

    @Test
    void aCiphertextDoesNotPassForOneOfAnotherKey() {
        KeyCipher cipher = new KeyCipher("two", ONE + "," + TWO);
        KeyCipher.Sealed sealed = cipher.seal("secret");
        assertThatThrownBy(() -> cipher.open(new KeyCipher.Sealed("one", sealed.ciphertext())))
                .isInstanceOf(IllegalStateException.class);
        byte[] tampered = sealed.ciphertext().clone();
        tampered[tampered.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.open(new KeyCipher.Sealed("two", tampered))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesKeysThatAreNotThirtyTwoBytesOrAnActiveIdWithoutKey() {
        assertThatThrownBy(() -> new KeyCipher("x", "x:" + Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("16 bytes");
        assertThatThrownBy(() -> new KeyCipher("three", ONE)).hasMessageContaining("three");
    }
}

package io.sluice.auth.domain;

/**
 * A stream together with the key just issued for it: the only moment the key exists outside the
 * encoder's hands. {@link #toString()} leaves the key out, so logging this by mistake leaks nothing.
 */
public record IssuedKey(LiveStreamState state, String streamKey) {

    @Override
    public String toString() {
        return "IssuedKey[stream=" + state.stream().id + ", streamKey=<redacted>]";
    }
}

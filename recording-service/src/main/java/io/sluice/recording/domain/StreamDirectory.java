package io.sluice.recording.domain;

import java.util.Optional;

/** The streams the key registry knows, as recording sees them. */
public interface StreamDirectory {

    Optional<StreamInfo> find(String streamId);
}

package io.sluice.ingest.session;

import io.sluice.events.data.StreamKeyEntry;
import io.sluice.media.rtmp.session.PublishRefusal;

/** The answer to a publish: go live as a stream of the registry, or a refusal the encoder will show. */
public sealed interface PublishDecision {

    record Accept(StreamKeyEntry entry) implements PublishDecision {
    }

    /**
     * @param description what the encoder shows (ffmpeg prints it); never contains the key
     * @param metricReason the refusal metric's reason tag
     */
    record Refuse(PublishRefusal refusal, String description, String metricReason) implements PublishDecision {
    }
}

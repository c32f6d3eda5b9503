package io.sluice.console.web;

import io.sluice.console.model.LiveStream;
import io.sluice.console.model.Recording;
import io.sluice.console.model.Session;
import io.sluice.console.model.SimulcastTarget;
import java.util.List;

/** The parts of a stream's page that refresh on their own, each with what it shows when its service is away. */
public final class Panels {

    private Panels() {
    }

    /** Status and the newest session's stats; {@code session} is null before the first session. */
    public record Live(LiveStream stream, Session session) {

        /** The bitrate the chart plots: the live session's, zero while nothing is live. */
        public int chartBitrate() {
            return session != null && session.live() && stream.live() && session.bitrateKbps() != null ? session.bitrateKbps() : 0;
        }

        public boolean sessionLive() {
            return session != null && session.live();
        }
    }

    /** The stream's recordings, or why they cannot be shown. */
    public record Recordings(List<Recording> recordings, String unavailable) {
    }

    /** The stream's simulcast targets, or why they cannot be shown. */
    public record Simulcast(List<SimulcastTarget> targets, String unavailable) {
    }
}

package io.sluice.ingest.session;

import io.sluice.events.data.EndReason;

/** Why a session must end now, and the detail its {@code session.ended} gives. */
record SessionEnd(EndReason reason, String description) {
}

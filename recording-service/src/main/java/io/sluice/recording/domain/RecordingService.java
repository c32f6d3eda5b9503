package io.sluice.recording.domain;

import io.sluice.media.cmaf.FragmentReader;
import io.sluice.media.cmaf.ProgressiveMp4;
import io.sluice.media.cmaf.TrackConfiguration;
import io.sluice.recording.objects.ObjectKeys;
import io.sluice.recording.security.Caller;
import io.sluice.recording.storage.MediaRepository;
import io.sluice.recording.storage.RecordingRepository;
import io.sluice.recording.storage.SessionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * What the recordings API does, confined to the caller's tenant: another tenant's recording is not found, exactly
 * like one that does not exist. Admins read every tenant's recordings and delete only their own tenant's. A stream
 * that keeps no recordings has none to list or show.
 */
@ApplicationScoped
public class RecordingService {

    private final RecordingRepository recordings;
    private final SessionRepository sessions;
    private final MediaRepository media;
    private final RecordingFinisher finisher;
    private final RecordingSettings settings;

    RecordingService(RecordingRepository recordings, SessionRepository sessions, MediaRepository media,
            RecordingFinisher finisher, RecordingSettings settings) {
        this.recordings = recordings;
        this.sessions = sessions;
        this.media = media;
        this.finisher = finisher;
        this.settings = settings;
    }

    /** The MP4 of a ready recording: its header, then ranges of its stored segments. */
    public record Mp4Download(Recording recording, ProgressiveMp4.Layout layout, List<String> segmentKeys) {
    }

    public Page<RecordingDetails> list(Caller caller, String streamId, RecordingStatus status, String cursor,
            int limit) {
        String tenant = readableTenant(caller);
        List<Recording> fetched = recordings.page(tenant, streamId, status, position(cursor), limit + 1);
        List<RecordingDetails> shown = new ArrayList<>();
        for (Recording recording : fetched.subList(0, Math.min(limit, fetched.size()))) {
            shown.add(details(recording));
        }
        String next = fetched.size() > limit ? after(fetched.get(limit - 1)) : null;
        return new Page<>(shown, next);
    }

    public RecordingDetails get(Caller caller, String id) {
        return details(visible(caller, id, readableTenant(caller)));
    }

    /** Deletes a finished recording's media; one still recording is refused. */
    @Transactional
    public void delete(Caller caller, String id) {
        if (caller.tenant() == null) {
            throw noTenant();
        }
        if (!caller.streamer()) {
            throw new AccessDeniedException(AccessDeniedException.Reason.NOT_A_STREAMER,
                    "Deleting recordings needs the streamer role");
        }
        if (caller.admin()) {
            Recording any = visible(caller, id, null);
            if (!any.tenant().equals(caller.tenant())) {
                throw new AccessDeniedException(AccessDeniedException.Reason.OTHER_TENANT,
                        "Admins delete only their own tenant's recordings");
            }
        }
        visible(caller, id, caller.tenant());
        Recording locked = recordings.findForUpdate(id).orElseThrow(() -> new RecordingNotFoundException(id));
        switch (locked.status()) {
            case RECORDING -> throw new RecordingInProgressException(id);
            case DELETED -> {
                // Deleting twice changes nothing.
            }
            case READY, FAILED -> finisher.delete(locked);
        }
    }

    public Mp4Download download(Caller caller, String id) {
        Recording recording = visible(caller, id, readableTenant(caller));
        switch (recording.status()) {
            case RECORDING -> throw new RecordingInProgressException(id);
            case READY -> {
            }
            case FAILED, DELETED -> throw new PlaybackNotFoundException("Recording " + id + " has no media");
        }
        List<List<TrackConfiguration>> periods = media.periods(id, settings.codecLimits()).stream()
                .map(Period::tracks).toList();
        List<MediaRepository.IndexedSegment> segments = media.indexedSegments(id);
        ProgressiveMp4.Layout layout = ProgressiveMp4.layout(periods,
                segments.stream().map(s -> new ProgressiveMp4.Segment(s.segment().period(), s.fragmentIndex())).toList(),
                ProgressiveMp4.Limits.DEFAULTS, FragmentReader.Limits.DEFAULTS);
        List<String> keys = segments.stream()
                .map(s -> ObjectKeys.segment(recording.storagePrefix(), s.segment().segment())).toList();
        return new Mp4Download(recording, layout, keys);
    }

    private RecordingDetails details(Recording recording) {
        return new RecordingDetails(recording, sessions.sessions(recording.id()), media.periodSummaries(recording.id()));
    }

    /** The recording if the caller may see it: of {@code tenant} ({@code null}: any), and kept. */
    private Recording visible(Caller caller, String id, String tenant) {
        if (!RecordingIds.isWellFormed(id)) {
            throw new RecordingNotFoundException(id);
        }
        return recordings.findVisible(id, tenant).filter(Recording::keep)
                .orElseThrow(() -> new RecordingNotFoundException(id));
    }

    /** The tenant whose recordings the caller reads; {@code null} for an admin, who reads all. */
    private static String readableTenant(Caller caller) {
        if (caller.admin()) {
            return null;
        }
        if (caller.tenant() == null) {
            throw noTenant();
        }
        return caller.tenant();
    }

    private static AccessDeniedException noTenant() {
        return new AccessDeniedException(AccessDeniedException.Reason.NO_TENANT, "The token names no tenant");
    }

    private static String after(Recording last) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((last.startedAt() + "|" + last.id()).getBytes(StandardCharsets.UTF_8));
    }

    private static RecordingRepository.PageCursor position(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            if (bar > 0 && RecordingIds.isWellFormed(text.substring(bar + 1))) {
                return new RecordingRepository.PageCursor(Instant.parse(text.substring(0, bar)), text.substring(bar + 1));
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // not one of ours
        }
        throw new InvalidParameterException("cursor", "is not a cursor returned by this API");
    }
}

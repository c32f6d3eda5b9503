package io.sluice.media.cmaf;

import io.sluice.media.codec.CodecLimits;
import io.sluice.media.ertmp.TagBodyLimits;
import io.sluice.media.flv.FlvTag;
import io.sluice.media.flv.FlvTagType;
import io.sluice.media.hls.MediaPlaylist;
import io.sluice.media.hls.MediaSegment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records FLV tags the way recording-service does, in memory: each tag is an input numbered from 1 (as a
 * session's media events are), read by {@link TagSampler} and fed to a {@link CmafSegmenter}; what comes out is
 * kept by name ({@code init-<period>.mp4}, {@code seg-<n>.<part>.m4s}, {@code seg-<n>.m4s}) and can be written to
 * a folder with a VOD playlist.
 */
final class Recorder {

    static final TagSampler SAMPLER = new TagSampler(TagBodyLimits.DEFAULTS, CodecLimits.DEFAULTS);

    /** One input: a numbered tag body. */
    record Input(long sequence, FlvTagType type, long timestamp, byte[] body) {
    }

    final Map<String, byte[]> files = new LinkedHashMap<>();
    final List<SegmenterOutput> outputs = new ArrayList<>();
    final Map<Integer, List<TrackConfiguration>> periods = new LinkedHashMap<>();
    final List<SegmenterOutput.SegmentEnd> segments = new ArrayList<>();
    private final Map<Long, List<byte[]>> openParts = new HashMap<>();
    CmafSegmenter segmenter;

    Recorder(SegmenterSettings settings) {
        this.segmenter = CmafSegmenter.start(settings);
    }

    static List<Input> inputs(List<FlvTag> tags) {
        List<Input> inputs = new ArrayList<>();
        long sequence = 1;
        for (FlvTag tag : tags) {
            inputs.add(new Input(sequence++, tag.type(), tag.timestamp(), tag.body().toByteArray()));
        }
        return inputs;
    }

    /** The track an input belongs to, or null for script data. */
    static TrackKind kind(Input input) {
        return switch (input.type()) {
            case VIDEO -> TrackKind.VIDEO;
            case AUDIO -> TrackKind.AUDIO;
            case SCRIPT_DATA -> null;
        };
    }

    void feed(Input input) {
        MediaUnit unit = switch (input.type()) {
            case VIDEO -> SAMPLER.video(input.body());
            case AUDIO -> SAMPLER.audio(input.body());
            case SCRIPT_DATA -> null;
        };
        switch (unit) {
            case MediaUnit.Configuration configuration -> take(segmenter.configure(configuration.configuration(),
                    input.sequence()));
            case MediaUnit.Frame frame -> take(segmenter.frame(frame, input.timestamp(), input.sequence()));
            case MediaUnit.Skipped skipped -> { }
            case null -> { }
        }
    }

    void feedAll(List<Input> inputs) {
        inputs.forEach(this::feed);
    }

    void endSession() {
        take(segmenter.endSession());
    }

    void take(List<SegmenterOutput> produced) {
        for (SegmenterOutput output : produced) {
            outputs.add(output);
            switch (output) {
                case SegmenterOutput.Init init -> {
                    periods.put(init.period(), init.tracks());
                    files.put("init-" + init.period() + ".mp4", init.bytes());
                }
                case SegmenterOutput.Part part -> {
                    files.put("seg-" + part.segment() + "." + part.part() + ".m4s", part.bytes());
                    openParts.computeIfAbsent(part.segment(), s -> new ArrayList<>()).add(part.bytes());
                }
                case SegmenterOutput.SegmentEnd end -> {
                    var segment = new ByteArrayOutputStream();
                    openParts.remove(end.segment()).forEach(segment::writeBytes);
                    files.put("seg-" + end.segment() + ".m4s", segment.toByteArray());
                    segments.add(end);
                }
            }
        }
    }

    /** The VOD playlist of every closed segment. */
    MediaPlaylist playlist() {
        List<MediaSegment> listed = new ArrayList<>();
        int previousPeriod = -1;
        for (SegmenterOutput.SegmentEnd end : segments) {
            listed.add(new MediaSegment(end.segment(), end.durationMicros(), "seg-" + end.segment() + ".m4s",
                    "init-" + end.period() + ".mp4", previousPeriod >= 0 && end.period() != previousPeriod, List.of(),
                    true));
            previousPeriod = end.period();
        }
        return new MediaPlaylist(2000, 0, 0, listed, null, true);
    }

    /** The closed segments as the progressive MP4 builder takes them. */
    List<ProgressiveMp4.Segment> mp4Segments() {
        return segments.stream().map(end -> new ProgressiveMp4.Segment(end.period(),
                FragmentReader.index(files.get("seg-" + end.segment() + ".m4s"), FragmentReader.Limits.DEFAULTS)))
                .toList();
    }

    /** The progressive MP4 of the closed segments, as one file. */
    byte[] mp4() {
        ProgressiveMp4.Layout layout = ProgressiveMp4.layout(new ArrayList<>(periods.values()), mp4Segments(),
                ProgressiveMp4.Limits.DEFAULTS, FragmentReader.Limits.DEFAULTS);
        var out = new ByteArrayOutputStream();
        out.writeBytes(layout.header());
        for (ProgressiveMp4.Piece piece : layout.pieces()) {
            byte[] segment = files.get("seg-" + segments.get(piece.segment()).segment() + ".m4s");
            out.write(segment, (int) piece.offset(), (int) piece.length());
        }
        return out.toByteArray();
    }

    /** Writes every file and {@code index.m3u8} into {@code folder}; returns the playlist's path. */
    Path writeTo(Path folder) {
        try {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Files.write(folder.resolve(file.getKey()), file.getValue());
            }
            Path playlist = folder.resolve("index.m3u8");
            Files.writeString(playlist, playlist().text());
            return playlist;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

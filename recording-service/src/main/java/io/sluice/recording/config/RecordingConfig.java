package io.sluice.recording.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The configuration root of recording-service: everything under {@code sluice.recording}. */
@ConfigMapping(prefix = "sluice.recording")
public interface RecordingConfig {

    /** The address viewers and API callers reach this service at: playback and download URLs start with it. */
    @WithDefault("http://localhost:8082")
    URI publicBaseUrl();

    Storage storage();

    Segments segments();

    Playback playback();

    Media media();

    Lifecycle lifecycle();

    Identity identity();

    Events events();

    /** Where segments live. */
    interface Storage {

        /** {@code filesystem} (default) or {@code s3}. */
        @WithDefault("filesystem")
        StorageType type();

        /** The folder of the filesystem backend. */
        @WithDefault("${user.home}/.sluice/recordings")
        @NotBlank
        String directory();

        S3 s3();

        /** An S3-compatible object store, addressed path-style. */
        interface S3 {

            /** For example {@code https://s3.eu-west-1.amazonaws.com} or a MinIO address. */
            Optional<URI> endpoint();

            @WithDefault("us-east-1")
            String region();

            Optional<String> bucket();

            Optional<String> accessKeyId();

            Optional<String> secretAccessKey();

            /** Connect and read timeout of one request. */
            @WithDefault("10s")
            Duration timeout();
        }
    }

    enum StorageType {
        FILESYSTEM,
        S3
    }

    /** How streams are cut (media-core's SegmenterSettings). */
    interface Segments {

        /** A segment ends at the first video key frame once it is this long. */
        @WithDefault("2s")
        Duration targetDuration();

        /** LL-HLS parts stay at most this long: 200 ms to 500 ms. */
        @WithDefault("333ms")
        Duration partTarget();

        /** A timestamp that jumps forward by more than this (or back at all) starts a new period. */
        @WithDefault("10s")
        Duration maxTimestampGap();
    }

    /** The public HLS endpoints. */
    interface Playback {

        /** Complete segments a live playlist lists before the open one. */
        @WithDefault("10")
        @Min(3)
        @Max(1000)
        int liveWindowSegments();

        /**
         * The longest a blocking playlist reload ({@code _HLS_msn}) or a request for a part that is not written
         * yet is held; RFC 8216bis asks for at least three target durations.
         */
        @WithDefault("6s")
        Duration blockingTimeout();

        /** How often a held request looks for parts written by another instance. */
        @WithDefault("100ms")
        Duration pollInterval();
    }

    /** The consumer of {@code sluice.media.v1}. */
    interface Media {

        /** The consumer group; other components (the Kubernetes scaler) rely on this name. */
        @WithDefault("sluice-recording")
        @NotBlank
        String groupId();

        /**
         * A stream that sends nothing for this long has what it holds back written out, so that its partition's
         * commits move on.
         */
        @WithDefault("5s")
        Duration idleTimeout();

        /**
         * Records per poll, and so at most per round. A round's database work and offset commit cost about the
         * same whatever its size, but its fsyncs grow with the bytes it holds, and every stream's parts wait for
         * the round they are in.
         */
        @WithDefault("500")
        @Min(1)
        int maxPollRecords();

        /** The longest pause between tries while storage, the database or Kafka is away. */
        @WithDefault("5s")
        Duration maxBackoff();
    }

    /** When recordings end and go. */
    interface Lifecycle {

        /** How long a ready recording is kept before the sweeper deletes it. */
        @WithDefault("30d")
        Duration retention();

        /** How often ended recordings are finished and expired ones deleted. */
        @WithDefault("1s")
        Duration sweepInterval();

        /**
         * Time beyond a stream's reconnect window before its recording is finished, for media still in flight on
         * Kafka.
         */
        @WithDefault("5s")
        Duration reconnectGrace();
    }

    /** How callers are recognised in their tokens (the same claims as auth-service). */
    interface Identity {

        @WithDefault("tenant")
        @NotBlank
        String tenantClaim();

        @WithDefault("admin")
        @NotBlank
        String adminRole();

        @WithDefault("streamer")
        @NotBlank
        String streamerRole();
    }

    /** The recording events on {@code sluice.recordings.v1}. */
    interface Events {

        @WithDefault("/sluice/recording-service")
        URI source();

        /** The longest pause between tries while Kafka is away. */
        @WithDefault("5s")
        Duration maxBackoff();

        /** How often the relay looks for events written by other instances. */
        @WithDefault("250ms")
        Duration pollInterval();
    }
}

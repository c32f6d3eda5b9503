package io.sluice.media.flv;

import static io.sluice.media.testvectors.Vectors.concat;
import static io.sluice.media.testvectors.Vectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.media.codec.ImmutableBytes;
import io.sluice.media.error.LimitExceededException;
import io.sluice.media.error.MediaFormatException;
import io.sluice.media.testvectors.Vectors;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FlvReaderTest {

    private static final int BUFFERED = 200;

    private static final byte[] HEADER = hex("'FLV' 01 05 00000009 00000000");

    static Stream<String> files() {
        return Vectors.FLV_FILES.stream();
    }

    /** Tag counts and header flags as ffprobe -show_packets and the file header show them. */
    static Stream<Arguments> fileFacts() {
        return Stream.of(
                Arguments.of("codec-h264-aac.flv", 0x05, 74, 27, 46),
                Arguments.of("codec-h264-mp3.flv", 0x05, 59, 17, 41),
                Arguments.of("ertmp-hevc-aac.flv", 0x05, 74, 27, 46),
                Arguments.of("ertmp-hevc-main10.flv", 0x01, 28, 27, 0),
                Arguments.of("ertmp-av1.flv", 0x01, 28, 27, 0),
                Arguments.of("ertmp-vp9.flv", 0x01, 28, 27, 0));
    }

    @ParameterizedTest
    @MethodSource("fileFacts")
    void readsRealFiles(String name, int flags, int tags, int videoTags, int audioTags) {
        List<FlvElement> elements = FlvFiles.read(name);

        assertThat(elements.get(0)).isEqualTo(new FlvHeader(1, flags, ImmutableBytes.EMPTY));
        List<FlvTag> all = FlvFiles.tags(name);
        assertThat(all).hasSize(tags);
        assertThat(all).filteredOn(t -> t.type() == FlvTagType.VIDEO).hasSize(videoTags);
        assertThat(all).filteredOn(t -> t.type() == FlvTagType.AUDIO).hasSize(audioTags);
        assertThat(all.get(0).type()).isEqualTo(FlvTagType.SCRIPT_DATA);
    }

    @ParameterizedTest
    @MethodSource("files")
    void readThenWriteIsByteIdentical(String name) throws IOException {
        byte[] file = Vectors.media(name);
        var out = new ByteArrayOutputStream();
        var writer = new FlvWriter(out);
        for (FlvElement element : FlvFiles.read(file)) {
            writer.write(element);
        }
        assertThat(out.toByteArray()).isEqualTo(file);
    }

    @ParameterizedTest
    @MethodSource("files")
    void oneByteAtATimeGivesTheSameElements(String name) {
        byte[] file = Vectors.media(name);
        var reader = new FlvReader(FlvLimits.DEFAULTS);
        List<FlvElement> elements = new ArrayList<>();
        for (int i = 0; i < file.length; i++) {
            reader.feed(file, i, 1);
            drain(reader, elements);
        }
        reader.finish();
        assertThat(elements).isEqualTo(FlvFiles.read(file));
    }

    @ParameterizedTest
    @MethodSource("files")
    void wholeFileInOneFeedGivesTheSameElements(String name) {
        byte[] file = Vectors.media(name);
        var reader = new FlvReader(FlvLimits.DEFAULTS);
        reader.feed(file);
        List<FlvElement> elements = new ArrayList<>();
        drain(reader, elements);
        reader.finish();
        assertThat(elements).isEqualTo(FlvFiles.read(file));
    }

    @Test
    void everyTwoPieceSplitGivesTheSameElements() {
        byte[] file = smallFile();
        List<FlvElement> expected = FlvFiles.read(file);
        for (int split = 0; split <= file.length; split++) {
            var reader = new FlvReader(FlvLimits.DEFAULTS);
            List<FlvElement> elements = new ArrayList<>();
            reader.feed(file, 0, split);
            drain(reader, elements);
            reader.feed(file, split, file.length - split);
            drain(reader, elements);
            reader.finish();
            assertThat(elements).as("split at %d", split).isEqualTo(expected);
        }
    }

    @Test
    void needMoreBytesIsEmptyAndConsumesNothing() {
        var reader = new FlvReader(FlvLimits.DEFAULTS);
        reader.feed(HEADER, 0, 5);
        assertThat(reader.next()).isEmpty();
        assertThat(reader.bufferedBytes()).isEqualTo(5);
        assertThat(reader.state()).isEqualTo(FlvReader.State.HEADER);
    }

    @Test
    void truncatedFinalTagIsReported() {
        byte[] file = smallFile();
        var reader = new FlvReader(FlvLimits.DEFAULTS);
        reader.feed(file, 0, file.length - 7);
        drain(reader, new ArrayList<>());

        assertThatThrownBy(reader::finish).isInstanceOf(MediaFormatException.class)
                .hasMessageContaining("truncated inside a tag");
        assertThat(reader.state()).isEqualTo(FlvReader.State.FAILED);
    }

    @Test
    void missingFinalPreviousTagSizeIsReported() {
        byte[] file = smallFile();
        var reader = new FlvReader(FlvLimits.DEFAULTS);
        reader.feed(file, 0, file.length - 4);
        drain(reader, new ArrayList<>());

        assertThatThrownBy(reader::finish).isInstanceOf(MediaFormatException.class)
                .hasMessageContaining("PreviousTagSize");
    }

    @Test
    void streamReaderReportsATruncatedFile() {
        byte[] file = smallFile();
        byte[] cut = Arrays.copyOf(file, file.length - 1);
        assertThatThrownBy(() -> FlvFiles.read(cut)).isInstanceOf(MediaFormatException.class);
    }

    @Test
    void emptyInputHasNoHeader() {
        var reader = new FlvReader(FlvLimits.DEFAULTS);
        assertThatThrownBy(reader::finish).hasMessageContaining("FLV header");
    }

    @Test
    void wrongPreviousTagSizeFailsAndStaysFailed() {
        byte[] file = smallFile();
        file[file.length - 1] ^= 1;
        var reader = new FlvReader(FlvLimits.DEFAULTS);
        reader.feed(file);

        assertThatThrownBy(() -> drain(reader, new ArrayList<>())).isInstanceOf(MediaFormatException.class)
                .hasMessageContaining("PreviousTagSize");
        assertThat(reader.state()).isEqualTo(FlvReader.State.FAILED);
        assertThatThrownBy(reader::next).isInstanceOf(MediaFormatException.class);
        assertThatThrownBy(reader::finish).isInstanceOf(MediaFormatException.class);
    }

    @Test
    void firstPreviousTagSizeMustBeZero() {
        assertThatThrownBy(() -> FlvFiles.read(hex("'FLV' 01 05 00000009 00000001")))
                .hasMessageContaining("PreviousTagSize 1");
    }

    @Test
    void rejectsAMissingSignature() {
        assertThatThrownBy(() -> FlvFiles.read(hex("'FLX' 01 05 00000009 00000000")))
                .isInstanceOf(MediaFormatException.class).hasMessageContaining("signature");
    }

    @Test
    void rejectsADataOffsetInsideTheHeader() {
        assertThatThrownBy(() -> FlvFiles.read(hex("'FLV' 01 05 00000008 00000000")))
                .hasMessageContaining("DataOffset");
    }

    @Test
    void rejectsReservedTagBitsAndUnknownTagTypes() {
        assertThatThrownBy(() -> FlvFiles.read(concat(HEADER, hex("48 000000 000000 00 000000 0000000b"))))
                .hasMessageContaining("reserved bits");
        assertThatThrownBy(() -> FlvFiles.read(concat(HEADER, hex("07 000000 000000 00 000000 0000000b"))))
                .hasMessageContaining("unknown FLV tag type 7");
    }

    @Test
    void keepsTheExtendedTimestampByteFilterBitAndHeaderExtension() throws IOException {
        byte[] file = hex("'FLV' 01 04 0000000b beef 00000000 28 000002 030405 01 000000 af01 0000000d");
        List<FlvElement> elements = FlvFiles.read(file);

        assertThat(elements).containsExactly(new FlvHeader(1, 4, ImmutableBytes.copyOf(hex("beef"))),
                new FlvTag(FlvTagType.AUDIO, true, 0x01030405L, 0, ImmutableBytes.copyOf(hex("af01"))));
        assertThat(((FlvHeader) elements.get(0)).hasAudio()).isTrue();
        assertThat(((FlvHeader) elements.get(0)).hasVideo()).isFalse();
        var out = new ByteArrayOutputStream();
        var writer = new FlvWriter(out);
        for (FlvElement element : elements) {
            writer.write(element);
        }
        assertThat(out.toByteArray()).isEqualTo(file);
    }

    @Test
    void writerBuildsAFileFromScratch() {
        byte[] header = FlvWriter.encode(FlvHeader.of(true, true));
        byte[] tag = FlvWriter.encode(FlvTag.of(FlvTagType.VIDEO, 40, ImmutableBytes.copyOf(hex("17 02 000000"))));

        assertThat(header).isEqualTo(HEADER);
        assertThat(tag).isEqualTo(hex("09 000005 000028 00 000000 1702000000 00000010"));
    }

    static Stream<Arguments> tagSizesAroundTheLimit() {
        return Stream.of(Arguments.of(99, true), Arguments.of(100, true), Arguments.of(101, false));
    }

    @ParameterizedTest
    @MethodSource("tagSizesAroundTheLimit")
    void maxTagSizeIsEnforcedAtTheLimit(int bodySize, boolean accepted) {
        byte[] file = concat(FlvWriter.encode(FlvHeader.of(false, true)),
                FlvWriter.encode(FlvTag.of(FlvTagType.VIDEO, 0, ImmutableBytes.copyOf(new byte[bodySize]))));
        var reader = new FlvReader(new FlvLimits(100, 0, 4096));
        reader.feed(file, 0, FlvHeader.SIZE + 4 + FlvTag.HEADER_SIZE);
        if (accepted) {
            assertThat(reader.next()).containsInstanceOf(FlvHeader.class);
            assertThat(reader.next()).isEmpty();
            reader.feed(file, FlvHeader.SIZE + 4 + FlvTag.HEADER_SIZE, bodySize + 4);
            assertThat(reader.next()).containsInstanceOf(FlvTag.class);
            assertThat(reader.next()).isEmpty();
            reader.finish();
        } else {
            assertThat(reader.next()).containsInstanceOf(FlvHeader.class);
            // Refused from the tag header alone, before the body is buffered.
            assertThatThrownBy(reader::next).isInstanceOfSatisfying(LimitExceededException.class, e -> {
                assertThat(e.limitName()).isEqualTo("max_tag_size");
                assertThat(e.actual()).isEqualTo(101);
            });
        }
    }

    static Stream<Arguments> headerExtensionsAroundTheLimit() {
        return Stream.of(Arguments.of(3, true), Arguments.of(4, true), Arguments.of(5, false));
    }

    @ParameterizedTest
    @MethodSource("headerExtensionsAroundTheLimit")
    void maxHeaderExtensionIsEnforcedAtTheLimit(int extension, boolean accepted) {
        byte[] file = FlvWriter.encode(new FlvHeader(1, 5, ImmutableBytes.copyOf(new byte[extension])));
        var reader = new FlvReader(new FlvLimits(100, 4, 4096));
        reader.feed(file);
        if (accepted) {
            assertThat(reader.next()).containsInstanceOf(FlvHeader.class);
        } else {
            assertThatThrownBy(reader::next).isInstanceOfSatisfying(LimitExceededException.class,
                    e -> assertThat(e.limitName()).isEqualTo("max_header_extension"));
        }
    }

    /**
     * The limit is on bytes fed and not read yet: a caller that keeps feeding without calling next fails at
     * N + 1 held bytes, with the typed error, and the reader stays failed.
     */
    @ParameterizedTest(name = "{0} bytes held against a limit of " + BUFFERED)
    @ValueSource(ints = {BUFFERED - 1, BUFFERED, BUFFERED + 1})
    void maxBufferedBytesIsEnforcedAtTheLimit(int held) {
        byte[] file = fileOfSmallTags(2 * BUFFERED);
        var reader = new FlvReader(new FlvLimits(100, 0, BUFFERED));
        reader.feed(file, 0, 100);
        if (held <= BUFFERED) {
            reader.feed(file, 100, held - 100);
            assertThat(reader.bufferedBytes()).isEqualTo(held);
            List<FlvElement> elements = new ArrayList<>();
            drain(reader, elements);
            assertThat(elements).hasSizeGreaterThan(5);
            reader.feed(file, held, BUFFERED - reader.bufferedBytes());
            drain(reader, elements);
            assertThat(reader.state()).as("room again once read").isNotEqualTo(FlvReader.State.FAILED);
        } else {
            assertThatThrownBy(() -> reader.feed(file, 100, held - 100))
                    .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                        assertThat(e.limitName()).isEqualTo(FlvLimits.MAX_BUFFERED_BYTES);
                        assertThat(e.actual()).isEqualTo(held);
                    });
            assertThat(reader.state()).isEqualTo(FlvReader.State.FAILED);
            assertThat(reader.bufferedBytes()).isZero();
            assertThatThrownBy(reader::next).isInstanceOf(LimitExceededException.class);
            assertThatThrownBy(() -> reader.feed(file, 0, 1)).isInstanceOf(LimitExceededException.class);
        }
    }

    @Test
    void streamReaderFeedsNoMoreThanTheLimitLeavesRoomFor() throws IOException {
        String name = "codec-h264-aac.flv";
        int largest = FlvFiles.tags(name).stream().mapToInt(tag -> tag.body().length()).max().orElseThrow();
        var reader = new FlvStreamReader(new ByteArrayInputStream(Vectors.media(name)),
                new FlvLimits(largest, 0, FlvTag.HEADER_SIZE + largest));
        List<FlvElement> elements = new ArrayList<>();
        for (Optional<FlvElement> e = reader.next(); e.isPresent(); e = reader.next()) {
            elements.add(e.get());
        }
        assertThat(elements).isEqualTo(FlvFiles.read(name));
    }

    @Test
    void limitsAreValidated() {
        assertThatThrownBy(() -> new FlvLimits(0, 0, 4096)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FlvLimits(FlvTag.MAX_BODY_SIZE + 1, 0, Integer.MAX_VALUE - 8))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FlvLimits(1, -1, 4096)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FlvLimits(100, 0, 110)).as("cannot hold a whole tag")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FlvLimits(100, 200, 208)).as("cannot hold the whole header")
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new FlvLimits(100, 200, 209).maxBufferedBytes()).isEqualTo(209);
        assertThatThrownBy(() -> new FlvLimits(100, 0, Integer.MAX_VALUE - 7))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A header, then tags of 20-byte bodies, at least {@code length} bytes in all. */
    private static byte[] fileOfSmallTags(int length) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(FlvWriter.encode(FlvHeader.of(false, true)));
        for (int i = 0; out.size() < length; i++) {
            out.writeBytes(FlvWriter.encode(FlvTag.of(FlvTagType.VIDEO, 40L * i, ImmutableBytes.copyOf(new byte[20]))));
        }
        return out.toByteArray();
    }

    /** The header and the first four tags of a real file (script data, audio config, video config...). */
    static byte[] smallFile() {
        byte[] real = Vectors.media("codec-h264-aac.flv");
        int end = FlvHeader.SIZE + 4;
        for (int i = 0; i < 3; i++) {
            int size = ((real[end + 1] & 0xFF) << 16) | ((real[end + 2] & 0xFF) << 8) | (real[end + 3] & 0xFF);
            end += FlvTag.HEADER_SIZE + size + 4;
        }
        return Arrays.copyOf(real, end);
    }

    private static void drain(FlvReader reader, List<FlvElement> into) {
        for (Optional<FlvElement> e = reader.next(); e.isPresent(); e = reader.next()) {
            into.add(e.get());
        }
    }
}

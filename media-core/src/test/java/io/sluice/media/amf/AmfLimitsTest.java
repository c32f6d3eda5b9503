package io.sluice.media.amf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.media.error.LimitExceededException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each AMF limit at N-1, N and N+1: the first two decode, the third fails with the limit's stable name. */
class AmfLimitsTest {

    private static final int N = 8;

    @ParameterizedTest(name = "depth {0} against a limit of " + N)
    @ValueSource(ints = {N - 1, N, N + 1})
    void amf0NestingDepth(int depth) {
        byte[] encoded = Amf0Writer.encode(nestedAmf0(depth));
        AmfLimits limits = new AmfLimits(N, 1024, 1024, 64, 1024);
        expectWithinLimitUnless(depth > N, AmfLimits.MAX_DEPTH, () -> new Amf0Reader(encoded, limits).read());
    }

    @ParameterizedTest(name = "depth {0} against a limit of " + N)
    @ValueSource(ints = {N - 1, N, N + 1})
    void amf3NestingDepth(int depth) {
        Amf3Value value = new Amf3Null();
        for (int i = 0; i < depth; i++) {
            value = new Amf3Array(Map.of(), List.of(value));
        }
        byte[] encoded = Amf3Writer.encode(List.of(value));
        AmfLimits limits = new AmfLimits(N, 1024, 1024, 64, 1024);
        expectWithinLimitUnless(depth > N, AmfLimits.MAX_DEPTH, () -> new Amf3Reader(encoded, limits).read());
    }

    @ParameterizedTest(name = "AMF3 inside AMF0 at depth {0} against a limit of " + N)
    @ValueSource(ints = {N - 1, N, N + 1})
    void depthCountsAcrossTheAvmplusSwitch(int depth) {
        Amf0Value value = new Amf0Avmplus(new Amf3Array(Map.of(), List.of()));
        for (int i = 1; i < depth; i++) {
            value = new Amf0StrictArray(List.of(value));
        }
        byte[] encoded = Amf0Writer.encode(value);
        AmfLimits limits = new AmfLimits(N, 1024, 1024, 64, 1024);
        expectWithinLimitUnless(depth > N, AmfLimits.MAX_DEPTH, () -> new Amf0Reader(encoded, limits).read());
    }

    @ParameterizedTest(name = "string of {0} bytes against a limit of " + N)
    @ValueSource(ints = {N - 1, N, N + 1})
    void stringLength(int length) {
        AmfLimits limits = new AmfLimits(4, N, 1024, 64, 1024);
        String text = "x".repeat(length);
        assertEachUnless(length > N, AmfLimits.MAX_STRING_LENGTH, limits,
                List.of(Amf0Writer.encode(new Amf0String(text)), Amf0Writer.encode(new Amf0LongString(text)),
                        Amf0Writer.encode(new Amf0XmlDocument(text)),
                        Amf0Writer.encode(Amf0Object.of(text, Amf0Null.INSTANCE)),
                        Amf0Writer.encode(new Amf0Avmplus(new Amf3String(text))),
                        Amf0Writer.encode(new Amf0Avmplus(new Amf3Xml(text))),
                        Amf0Writer.encode(new Amf0Avmplus(new Amf3ByteArray(new byte[length])))));
    }

    @ParameterizedTest(name = "{0} members against a limit of " + N)
    @ValueSource(ints = {N - 1, N, N + 1})
    void memberCount(int count) {
        AmfLimits limits = new AmfLimits(4, 1024, N, 64, 1024);
        IntFunction<String> key = i -> "k" + i;
        Map<String, Amf0Value> amf0Members = new LinkedHashMap<>();
        Map<String, Amf3Value> amf3Members = new LinkedHashMap<>();
        List<String> sealedNames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            amf0Members.put(key.apply(i), Amf0Null.INSTANCE);
            amf3Members.put(key.apply(i), Amf3Null.INSTANCE);
            sealedNames.add(key.apply(i));
        }
        List<Amf0Value> amf0Nulls = Collections.nCopies(count, Amf0Null.INSTANCE);
        List<Amf3Value> amf3Nulls = Collections.nCopies(count, Amf3Null.INSTANCE);
        assertEachUnless(count > N, AmfLimits.MAX_MEMBERS, limits, List.of(
                Amf0Writer.encode(new Amf0Object(amf0Members)),
                Amf0Writer.encode(new Amf0EcmaArray(amf0Members)),
                Amf0Writer.encode(new Amf0TypedObject("T", amf0Members)),
                Amf0Writer.encode(new Amf0StrictArray(amf0Nulls)),
                amf3(new Amf3Array(Map.of(), amf3Nulls)),
                amf3(new Amf3Array(amf3Members, List.of())),
                amf3(Amf3Object.anonymous(amf3Members)),
                amf3(new Amf3Object(new Amf3Traits("T", false, sealedNames), amf3Nulls, Map.of())),
                amf3(new Amf3VectorInt(false, Collections.nCopies(count, 0))),
                amf3(new Amf3VectorUint(false, Collections.nCopies(count, 0L))),
                amf3(new Amf3VectorDouble(false, Collections.nCopies(count, 0.0))),
                amf3(new Amf3VectorObject(false, "*", amf3Nulls)),
                amf3(new Amf3Dictionary(false, Collections.nCopies(count,
                        new Amf3Dictionary.Entry(Amf3Null.INSTANCE, Amf3Null.INSTANCE))))));
    }

    @ParameterizedTest(name = "{0} top-level values against a limit of " + N)
    @ValueSource(ints = {N - 1, N, N + 1})
    void topLevelValues(int count) {
        AmfLimits limits = new AmfLimits(4, 1024, 1024, N, 1024);
        byte[] amf0 = Amf0Writer.encode(Collections.nCopies(count, Amf0Object.of()));
        byte[] amf3 = Amf3Writer.encode(Collections.nCopies(count, Amf3Object.anonymous(Map.of())));
        expectWithinLimitUnless(count > N, AmfLimits.MAX_TOP_LEVEL_VALUES,
                () -> assertThat(new Amf0Reader(amf0, limits).readAll()).hasSize(count));
        expectWithinLimitUnless(count > N, AmfLimits.MAX_TOP_LEVEL_VALUES,
                () -> assertThat(new Amf3Reader(amf3, limits).readAll()).hasSize(count));
    }

    /**
     * The value budget counts every marker: here one top-level strict array, then {@code count - 1} values
     * inside it, spread over nested arrays and objects, the AMF3 switch counting its marker and its value.
     */
    @ParameterizedTest(name = "{0} values in all against a limit of " + N)
    @ValueSource(ints = {N - 1, N, N + 1})
    void valuesAtEveryDepth(int count) {
        AmfLimits limits = new AmfLimits(4, 1024, 1024, 64, N);
        List<Amf0Value> members = new ArrayList<>();
        int remaining = count - 1;
        while (remaining >= 3) {
            members.add(Amf0Object.of("a", new Amf0Avmplus(Amf3Null.INSTANCE)));
            remaining -= 3;
        }
        members.addAll(Collections.nCopies(remaining, Amf0Null.INSTANCE));
        byte[] amf0 = Amf0Writer.encode(new Amf0StrictArray(members));
        expectWithinLimitUnless(count > N, AmfLimits.MAX_VALUES, () -> new Amf0Reader(amf0, limits).readAll());

        List<Amf3Value> items = new ArrayList<>(Collections.nCopies((count - 1) % 2, Amf3Null.INSTANCE));
        for (int i = 0; i < (count - 1) / 2; i++) {
            items.add(Amf3Object.anonymous(Map.of("k", Amf3Null.INSTANCE)));
        }
        byte[] amf3 = Amf3Writer.encode(List.of(new Amf3Array(Map.of(), items)));
        expectWithinLimitUnless(count > N, AmfLimits.MAX_VALUES, () -> new Amf3Reader(amf3, limits).readAll());
    }

    /**
     * What the value budget is for: with the defaults, no container here has too many members and the
     * message is well within RTMP's length, yet it would decode to more records than any encoder sends.
     */
    @ParameterizedTest(name = "{0} nested arrays under one array, with the defaults")
    @ValueSource(ints = {65_535, 65_536})
    void defaultValueBudgetStopsATreeOfManySmallContainers(int arrays) {
        byte[] inner = Amf0Writer.encode(new Amf0StrictArray(List.of(Amf0Null.INSTANCE)));
        ByteBuffer payload = ByteBuffer.allocate(5 + arrays * inner.length);
        payload.put((byte) Amf0Value.STRICT_ARRAY).putInt(arrays);
        for (int i = 0; i < arrays; i++) {
            payload.put(inner);
        }
        int values = 1 + 2 * arrays;
        expectWithinLimitUnless(values > AmfLimits.DEFAULTS.maxValues(), AmfLimits.MAX_VALUES,
                () -> new Amf0Reader(payload.array(), AmfLimits.DEFAULTS).readAll());
    }

    private static byte[] amf3(Amf3Value value) {
        return Amf0Writer.encode(new Amf0Avmplus(value));
    }

    private static Amf0Value nestedAmf0(int depth) {
        Amf0Value value = Amf0Null.INSTANCE;
        for (int i = 0; i < depth; i++) {
            value = switch (i % 4) {
                case 0 -> Amf0Object.of("o", value);
                case 1 -> new Amf0EcmaArray(Map.of("e", value));
                case 2 -> new Amf0StrictArray(List.of(value));
                default -> new Amf0TypedObject("T", Map.of("t", value));
            };
        }
        return value;
    }

    private static void assertEachUnless(boolean exceeded, String limitName, AmfLimits limits, List<byte[]> payloads) {
        for (byte[] payload : payloads) {
            expectWithinLimitUnless(exceeded, limitName, () -> new Amf0Reader(payload, limits).readAll());
        }
    }

    private static void expectWithinLimitUnless(boolean exceeded, String limitName, Runnable decode) {
        if (exceeded) {
            assertThatThrownBy(decode::run).isInstanceOfSatisfying(LimitExceededException.class,
                    e -> assertThat(e.limitName()).isEqualTo(limitName));
        } else {
            decode.run();
        }
    }
}

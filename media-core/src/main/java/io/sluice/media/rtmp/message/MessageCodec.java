package io.sluice.media.rtmp.message;

import io.sluice.media.amf.Amf0Number;
import io.sluice.media.amf.Amf0Reader;
import io.sluice.media.amf.Amf0String;
import io.sluice.media.amf.Amf0Value;
import io.sluice.media.amf.Amf0Writer;
import io.sluice.media.amf.AmfLimits;
import io.sluice.media.error.MediaFormatException;
import io.sluice.media.rtmp.chunk.RawMessage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one factory that turns a {@link RawMessage} into the {@link RtmpMessage} its type id names (MediaMTX's
 * {@code allocateMessage}), and the reverse. Decoding rejects unknown type ids and payloads that do not fit
 * their type with {@link MediaFormatException}; AMF bodies are bounded by the given {@link AmfLimits}.
 */
public final class MessageCodec {

    /** Header of each aggregate sub-message: type, length, timestamp (FLV layout), stream id. */
    private static final int SUB_HEADER_SIZE = 11;
    private static final int BACK_POINTER_SIZE = 4;
    /** The only format selector defined for types 15, 16 and 17 (E-RTMP v2, "Enabling AMF3 in RTMP"). */
    private static final int AMF0_FORMAT = 0;

    private MessageCodec() {
    }

    /** Picks the record for {@code raw}'s type id and decodes its payload. */
    public static RtmpMessage decode(RawMessage raw, AmfLimits amf) {
        MessageType type = MessageType.of(raw.typeId());
        if (type == null) {
            throw new MediaFormatException("unknown RTMP message type " + raw.typeId());
        }
        byte[] p = raw.payload();
        long timestamp = raw.timestamp();
        int streamId = raw.messageStreamId();
        return switch (type) {
            case SET_CHUNK_SIZE -> {
                long size = u32(exactly(p, 4, type), 0);
                if (size < 1 || size > Integer.MAX_VALUE) {
                    throw new MediaFormatException("invalid chunk size " + size);
                }
                yield new SetChunkSize((int) size);
            }
            case ABORT -> new Abort(u32(exactly(p, 4, type), 0));
            case ACKNOWLEDGEMENT -> new Acknowledgement(u32(exactly(p, 4, type), 0));
            case USER_CONTROL -> decodeUserControl(p);
            case WINDOW_ACK_SIZE -> new WindowAckSize(u32(exactly(p, 4, type), 0));
            case SET_PEER_BANDWIDTH -> {
                SetPeerBandwidth.LimitType limitType = SetPeerBandwidth.LimitType.of(exactly(p, 5, type)[4]);
                if (limitType == null) {
                    throw new MediaFormatException("unknown peer bandwidth limit type " + p[4]);
                }
                yield new SetPeerBandwidth(u32(p, 0), limitType);
            }
            case AUDIO -> new Audio(timestamp, streamId, p);
            case VIDEO -> new Video(timestamp, streamId, p);
            case DATA_AMF0 -> new DataAmf0(timestamp, streamId, amf0Values(p, 0, amf));
            case DATA_AMF3 -> new DataAmf3(timestamp, streamId, amf0Values(p, formatSelector(p), amf));
            case SHARED_OBJECT_AMF0 -> new SharedObject(false, timestamp, streamId, p);
            case SHARED_OBJECT_AMF3 -> new SharedObject(true, timestamp, streamId, p);
            case COMMAND_AMF0 -> decodeCommand(timestamp, streamId, amf0Values(p, 0, amf), false);
            case COMMAND_AMF3 -> decodeCommand(timestamp, streamId, amf0Values(p, formatSelector(p), amf), true);
            case AGGREGATE -> decodeAggregate(raw, amf);
        };
    }

    /** Encodes {@code message} for chunk stream {@code chunkStreamId}. */
    public static RawMessage encode(RtmpMessage message, int chunkStreamId) {
        return switch (message) {
            case SetChunkSize m -> control(chunkStreamId, m.type(), u32Bytes(m.chunkSize()));
            case Abort m -> control(chunkStreamId, m.type(), u32Bytes(m.chunkStreamId()));
            case Acknowledgement m -> control(chunkStreamId, m.type(), u32Bytes(m.sequenceNumber()));
            case UserControl m -> control(chunkStreamId, m.type(), encodeUserControl(m));
            case WindowAckSize m -> control(chunkStreamId, m.type(), u32Bytes(m.windowSize()));
            case SetPeerBandwidth m -> {
                byte[] payload = Arrays.copyOf(u32Bytes(m.windowSize()), 5);
                payload[4] = (byte) m.limitType().ordinal();
                yield control(chunkStreamId, m.type(), payload);
            }
            case StreamMessage m -> new RawMessage(chunkStreamId, m.timestamp(), m.type().id(), m.streamId(),
                    encodeBody(m, chunkStreamId));
        };
    }

    private static byte[] encodeBody(StreamMessage message, int chunkStreamId) {
        return switch (message) {
            case Audio m -> m.payload();
            case Video m -> m.payload();
            case DataAmf0 m -> Amf0Writer.encode(m.values());
            case DataAmf3 m -> withFormatSelector(Amf0Writer.encode(m.values()));
            case SharedObject m -> m.payload();
            case CommandAmf0 m -> encodeCommand(m);
            case CommandAmf3 m -> withFormatSelector(encodeCommand(m));
            case Aggregate m -> encodeAggregate(m, chunkStreamId);
        };
    }

    private static RawMessage control(int chunkStreamId, MessageType type, byte[] payload) {
        return new RawMessage(chunkStreamId, 0, type.id(), 0, payload);
    }

    /** Section 7.1.7: a 16-bit event type, then 4 bytes of data (8 for Set Buffer Length). */
    private static UserControl decodeUserControl(byte[] p) {
        if (p.length < 2) {
            throw new MediaFormatException("user control message of " + p.length + " bytes has no event type");
        }
        int event = (p[0] & 0xFF) << 8 | p[1] & 0xFF;
        return switch (event) {
            case UserControl.STREAM_BEGIN -> new UserControl.StreamBegin((int) eventU32(p, 6));
            case UserControl.STREAM_EOF -> new UserControl.StreamEof((int) eventU32(p, 6));
            case UserControl.STREAM_DRY -> new UserControl.StreamDry((int) eventU32(p, 6));
            case UserControl.SET_BUFFER_LENGTH -> new UserControl.SetBufferLength((int) eventU32(p, 10), u32(p, 6));
            case UserControl.STREAM_IS_RECORDED -> new UserControl.StreamIsRecorded((int) eventU32(p, 6));
            case UserControl.PING_REQUEST -> new UserControl.PingRequest(eventU32(p, 6));
            case UserControl.PING_RESPONSE -> new UserControl.PingResponse(eventU32(p, 6));
            default -> new UserControl.Unknown(event, Arrays.copyOfRange(p, 2, p.length));
        };
    }

    private static long eventU32(byte[] p, int expectedLength) {
        if (p.length != expectedLength) {
            throw new MediaFormatException("user control event " + ((p[0] & 0xFF) << 8 | p[1] & 0xFF) + " needs "
                    + expectedLength + " bytes, got " + p.length);
        }
        return u32(p, 2);
    }

    private static byte[] encodeUserControl(UserControl message) {
        byte[] data = switch (message) {
            case UserControl.StreamBegin m -> u32Bytes(Integer.toUnsignedLong(m.streamId()));
            case UserControl.StreamEof m -> u32Bytes(Integer.toUnsignedLong(m.streamId()));
            case UserControl.StreamDry m -> u32Bytes(Integer.toUnsignedLong(m.streamId()));
            case UserControl.SetBufferLength m -> {
                byte[] both = Arrays.copyOf(u32Bytes(Integer.toUnsignedLong(m.streamId())), 8);
                System.arraycopy(u32Bytes(m.bufferLengthMillis()), 0, both, 4, 4);
                yield both;
            }
            case UserControl.StreamIsRecorded m -> u32Bytes(Integer.toUnsignedLong(m.streamId()));
            case UserControl.PingRequest m -> u32Bytes(m.timestamp());
            case UserControl.PingResponse m -> u32Bytes(m.timestamp());
            case UserControl.Unknown m -> m.data();
        };
        byte[] payload = new byte[2 + data.length];
        payload[0] = (byte) (message.eventType() >>> 8);
        payload[1] = (byte) message.eventType();
        System.arraycopy(data, 0, payload, 2, data.length);
        return payload;
    }

    private static Command decodeCommand(long timestamp, int streamId, List<Amf0Value> values, boolean amf3) {
        if (values.size() < 3) {
            throw new MediaFormatException("command needs a name, a transaction id and a command object, got "
                    + values.size() + " values");
        }
        if (!(values.get(0) instanceof Amf0String(String name))) {
            throw new MediaFormatException("command name is not a string: " + values.get(0));
        }
        if (!(values.get(1) instanceof Amf0Number(double transactionId))) {
            throw new MediaFormatException("transaction id of " + name + " is not a number: " + values.get(1));
        }
        List<Amf0Value> arguments = values.subList(3, values.size());
        return amf3
                ? new CommandAmf3(timestamp, streamId, name, transactionId, values.get(2), arguments)
                : new CommandAmf0(timestamp, streamId, name, transactionId, values.get(2), arguments);
    }

    private static byte[] encodeCommand(Command command) {
        List<Amf0Value> values = new ArrayList<>(3 + command.arguments().size());
        values.add(new Amf0String(command.name()));
        values.add(new Amf0Number(command.transactionId()));
        values.add(command.commandObject());
        values.addAll(command.arguments());
        return Amf0Writer.encode(values);
    }

    private static Aggregate decodeAggregate(RawMessage raw, AmfLimits amf) {
        List<AggregateMember> messages = new ArrayList<>();
        for (RawMessage member : splitAggregate(raw)) {
            messages.add((AggregateMember) decode(member, amf));
        }
        return new Aggregate(raw.timestamp(), raw.messageStreamId(), messages);
    }

    /**
     * The members of an aggregate message (type 22, section 7.1.6) as raw messages, their payloads exactly
     * as they were inside it: sub-message headers in the FLV tag layout ffmpeg and FMS use (24-bit
     * timestamp then its upper 8 bits), the aggregate's stream id, timestamps rebased by the aggregate
     * timestamp minus the first member's. Back pointers are skipped unchecked; writers disagree on them.
     *
     * @throws MediaFormatException if a header or body is truncated or a member is not audio, video or data
     */
    public static List<RawMessage> splitAggregate(RawMessage raw) {
        byte[] p = raw.payload();
        List<RawMessage> members = new ArrayList<>();
        long offset = 0;
        int position = 0;
        while (position < p.length) {
            if (p.length - position < SUB_HEADER_SIZE) {
                throw new MediaFormatException("aggregate sub-message header truncated at offset " + position);
            }
            int typeId = p[position] & 0xFF;
            int length = u24(p, position + 1);
            long subTimestamp = Integer.toUnsignedLong(u24(p, position + 4) | (p[position + 7] & 0xFF) << 24);
            position += SUB_HEADER_SIZE;
            if (p.length - position < (long) length + BACK_POINTER_SIZE) {
                throw new MediaFormatException("aggregate sub-message of " + length + " bytes truncated at offset "
                        + position);
            }
            if (members.isEmpty()) {
                offset = raw.timestamp() - subTimestamp;
            }
            if (typeId != MessageType.AUDIO.id() && typeId != MessageType.VIDEO.id()
                    && typeId != MessageType.DATA_AMF0.id() && typeId != MessageType.DATA_AMF3.id()) {
                throw new MediaFormatException("aggregate holds a message of type " + typeId);
            }
            members.add(new RawMessage(raw.chunkStreamId(), subTimestamp + offset & 0xFFFF_FFFFL, typeId,
                    raw.messageStreamId(), Arrays.copyOfRange(p, position, position + length)));
            position += length + BACK_POINTER_SIZE;
        }
        return members;
    }

    private static byte[] encodeAggregate(Aggregate aggregate, int chunkStreamId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (AggregateMember message : aggregate.messages()) {
            byte[] body = encodeBody(message, chunkStreamId);
            long timestamp = message.timestamp();
            out.write(message.type().id());
            writeU24(out, body.length);
            writeU24(out, (int) timestamp);
            out.write((int) (timestamp >>> 24));
            writeU24(out, message.streamId());
            out.writeBytes(body);
            out.writeBytes(u32Bytes(SUB_HEADER_SIZE + body.length));
        }
        return out.toByteArray();
    }

    private static int formatSelector(byte[] p) {
        if (p.length == 0 || p[0] != AMF0_FORMAT) {
            throw new MediaFormatException("unknown AMF3 message format selector "
                    + (p.length == 0 ? "(empty payload)" : Integer.toString(p[0] & 0xFF)));
        }
        return 1;
    }

    private static byte[] withFormatSelector(byte[] body) {
        byte[] payload = new byte[body.length + 1];
        payload[0] = AMF0_FORMAT;
        System.arraycopy(body, 0, payload, 1, body.length);
        return payload;
    }

    private static List<Amf0Value> amf0Values(byte[] p, int from, AmfLimits amf) {
        return new Amf0Reader(p, from, p.length - from, amf).readAll();
    }

    private static byte[] exactly(byte[] p, int length, MessageType type) {
        if (p.length != length) {
            throw new MediaFormatException(type + " needs " + length + " bytes, got " + p.length);
        }
        return p;
    }

    private static int u24(byte[] p, int at) {
        return (p[at] & 0xFF) << 16 | (p[at + 1] & 0xFF) << 8 | p[at + 2] & 0xFF;
    }

    private static long u32(byte[] p, int at) {
        return Integer.toUnsignedLong((p[at] & 0xFF) << 24 | u24(p, at + 1));
    }

    private static void writeU24(ByteArrayOutputStream out, int value) {
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    private static byte[] u32Bytes(long value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }
}

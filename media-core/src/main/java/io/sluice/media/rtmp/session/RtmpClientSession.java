package io.sluice.media.rtmp.session;

import io.sluice.media.amf.Amf0EcmaArray;
import io.sluice.media.amf.Amf0Number;
import io.sluice.media.amf.Amf0Object;
import io.sluice.media.amf.Amf0Properties;
import io.sluice.media.amf.Amf0Reader;
import io.sluice.media.amf.Amf0String;
import io.sluice.media.amf.Amf0Value;
import io.sluice.media.error.MediaFormatException;
import io.sluice.media.rtmp.chunk.ChunkDecoder;
import io.sluice.media.rtmp.chunk.RawMessage;
import io.sluice.media.rtmp.handshake.ClientHandshake;
import io.sluice.media.rtmp.message.Abort;
import io.sluice.media.rtmp.message.Acknowledgement;
import io.sluice.media.rtmp.message.Audio;
import io.sluice.media.rtmp.message.Command;
import io.sluice.media.rtmp.message.CommandAmf0;
import io.sluice.media.rtmp.message.DataAmf0;
import io.sluice.media.rtmp.message.MessageCodec;
import io.sluice.media.rtmp.message.RtmpMessage;
import io.sluice.media.rtmp.message.SetChunkSize;
import io.sluice.media.rtmp.message.SetPeerBandwidth;
import io.sluice.media.rtmp.message.StreamMessage;
import io.sluice.media.rtmp.message.UserControl;
import io.sluice.media.rtmp.message.Video;
import io.sluice.media.rtmp.message.WindowAckSize;
import io.sluice.media.rtmp.session.ClientEvent.AcknowledgementReceived;
import io.sluice.media.rtmp.session.ClientEvent.Closed;
import io.sluice.media.rtmp.session.ClientEvent.Connected;
import io.sluice.media.rtmp.session.ClientEvent.Failed;
import io.sluice.media.rtmp.session.ClientEvent.PublishStarted;
import io.sluice.media.rtmp.session.ClientEvent.ReconnectRequested;
import io.sluice.media.rtmp.session.ClientEvent.StatusReceived;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * The client side of one RTMP connection that publishes, for simulcast and load generation. The command
 * sequence is ffmpeg's: after the handshake, Set Chunk Size and connect (declaring the configured
 * Enhanced RTMP capabilities); on its result releaseStream, FCPublish and createStream; on the stream id,
 * publish; on NetStream.Publish.Start the session is {@link ClientState#PUBLISHING} and
 * {@link #sendMetadata}, {@link #sendAudio} and {@link #sendVideo} put FLV tag bodies on the wire, audio
 * and data on chunk stream 4 and video on 6 so each keeps its compressed headers. Sans-IO like the server:
 * {@link #feed}, {@link #drainOutput()}, {@link #drainEvents()}.
 *
 * <p>The server's errors become a typed {@link ClientFailure}: {@code _error} to connect or createStream,
 * an error onStatus to publish or while publishing. Nothing the server sends makes a method throw, and
 * once the session has ended the send methods drop what they are given and return false, so a loop
 * forwarding media needs no check before each call. The session answers Set Chunk Size, Window
 * Acknowledgement Size (acknowledging every window), Set Peer Bandwidth and ping requests on its own, and
 * reports the E-RTMP reconnect request as an event for the service to act on.
 */
public final class RtmpClientSession {

    private static final double CONNECT = 1;
    private static final double RELEASE_STREAM = 2;
    private static final double FC_PUBLISH = 3;
    private static final double CREATE_STREAM = 4;
    private static final double PUBLISH = 5;
    private static final double FC_UNPUBLISH = 6;
    private static final double DELETE_STREAM = 7;

    private final RtmpClientConfig config;
    private final ClientHandshake handshake;
    private final ChunkDecoder decoder;
    private final MessageWriter writer = new MessageWriter();
    private final AcknowledgementWindow acknowledgements = new AcknowledgementWindow();
    private final Consumer<RawMessage> onMessage = this::onMessage;
    private final List<ClientEvent> events = new ArrayList<>();

    private ClientState state = ClientState.NEW;
    private int streamId;
    private long windowAckSizeSent;
    private CloseReason closeReason;
    private ClientFailure failure;

    /** A session with its own random source for the handshake. */
    public RtmpClientSession(RtmpClientConfig config) {
        this(config, new SplittableRandom());
    }

    /** A session drawing handshake bytes from {@code random}, for reproducible tests. */
    public RtmpClientSession(RtmpClientConfig config, RandomGenerator random) {
        this.config = config;
        this.handshake = new ClientHandshake(config.handshake(), random, config.limits().maxHandshakeBytes());
        this.decoder = new ChunkDecoder(config.limits());
    }

    /** Queues C0 and C1; call once, right after connecting the socket. */
    public void start() {
        if (state != ClientState.NEW) {
            throw new IllegalStateException("already started");
        }
        writer.sendRaw(handshake.start());
        state = ClientState.HANDSHAKE;
    }

    /** Takes bytes read from the server, all of them; in a terminal state they are dropped. */
    public void feed(ByteBuffer in) {
        if (state == ClientState.NEW) {
            throw new IllegalStateException("start() first");
        }
        acknowledgements.received(in.remaining());
        if (state.isTerminal()) {
            in.position(in.limit());
            return;
        }
        try {
            if (state == ClientState.HANDSHAKE) {
                writer.sendRaw(handshake.feed(in));
                if (handshake.state() != ClientHandshake.State.DONE) {
                    return;
                }
                sendConnect();
            }
            decoder.decode(in, onMessage);
            if (!state.isTerminal() && acknowledgements.acknowledgementDue()) {
                writer.send(new Acknowledgement(acknowledgements.sequenceNumber()), ChunkStreamIds.CONTROL);
            }
        } catch (MediaFormatException e) {
            fail(ClientFailure.of(e));
        }
        in.position(in.limit());
    }

    /**
     * Tells the session the server closed the connection. Before {@link #unpublish()} that is a failure:
     * some servers (nginx-rtmp's {@code deny publish}, for one) refuse a publish by just closing.
     */
    public void inputClosed() {
        if (!state.isTerminal()) {
            fail(new ClientFailure(ClientFailure.Kind.CLOSED_BY_SERVER, null,
                    "the server closed the connection while " + state, null));
        }
    }

    /** Whether bytes wait to be written. */
    public boolean hasOutput() {
        return writer.hasOutput();
    }

    /** The bytes to write to the server, in order; empty when there are none. */
    public ByteBuffer drainOutput() {
        return writer.drain();
    }

    /** The events since the last drain, in order. */
    public List<ClientEvent> drainEvents() {
        List<ClientEvent> drained = List.copyOf(events);
        events.clear();
        return drained;
    }

    /**
     * Sends {@code @setDataFrame} with an FLV script tag body ({@code onMetaData} and its ECMA array), the
     * way ffmpeg forwards metadata.
     *
     * @return whether it was queued: false once the session has ended (see {@link #sendVideo})
     * @throws MediaFormatException  if the body is not valid AMF0
     * @throws IllegalStateException before {@link ClientState#PUBLISHING}
     */
    public boolean sendMetadata(long timestamp, byte[] scriptTagBody) {
        if (!publishingOrEnded()) {
            return false;
        }
        List<Amf0Value> values = new ArrayList<>();
        values.add(new Amf0String("@setDataFrame"));
        values.addAll(new Amf0Reader(scriptTagBody, config.limits().amf()).readAll());
        writer.send(new DataAmf0(timestamp & 0xFFFF_FFFFL, streamId, values), ChunkStreamIds.AUDIO);
        return true;
    }

    /**
     * Sends {@code @setDataFrame onMetaData} with {@code metadata} as the ECMA array.
     *
     * @return whether it was queued: false once the session has ended (see {@link #sendVideo})
     * @throws IllegalStateException before {@link ClientState#PUBLISHING}
     */
    public boolean sendMetadata(long timestamp, Map<String, Amf0Value> metadata) {
        if (!publishingOrEnded()) {
            return false;
        }
        writer.send(new DataAmf0(timestamp & 0xFFFF_FFFFL, streamId, List.of(new Amf0String("@setDataFrame"),
                new Amf0String("onMetaData"), new Amf0EcmaArray(metadata))), ChunkStreamIds.AUDIO);
        return true;
    }

    /**
     * Sends an FLV audio tag body.
     *
     * @return whether it was queued: false once the session has ended (see {@link #sendVideo})
     * @throws IllegalStateException before {@link ClientState#PUBLISHING}
     */
    public boolean sendAudio(long timestamp, byte[] tagBody) {
        if (!publishingOrEnded()) {
            return false;
        }
        writer.send(new Audio(timestamp & 0xFFFF_FFFFL, streamId, tagBody), ChunkStreamIds.AUDIO);
        return true;
    }

    /**
     * Sends an FLV video tag body.
     *
     * @return whether it was queued. Once the session has ended ({@link ClientState#CLOSED} or
     *         {@link ClientState#FAILED}, announced by the {@link ClientEvent.Closed} or
     *         {@link ClientEvent.Failed} event, with the reason in {@link #closeReason()} or
     *         {@link #failure()}), media is dropped and this returns false: the server may fail the session
     *         between two reads, and a caller forwarding media as it arrives can keep calling until it
     *         handles that event or sees false, never getting an exception for the server's doing
     * @throws IllegalStateException before {@link ClientState#PUBLISHING}: media must wait for
     *                               {@link ClientEvent.PublishStarted}
     */
    public boolean sendVideo(long timestamp, byte[] tagBody) {
        if (!publishingOrEnded()) {
            return false;
        }
        writer.send(new Video(timestamp & 0xFFFF_FFFFL, streamId, tagBody), ChunkStreamIds.VIDEO);
        return true;
    }

    /**
     * Ends publishing as ffmpeg does, with FCUnpublish and deleteStream; the session is then closed.
     *
     * @return whether the commands were queued: false when the session had already ended
     * @throws IllegalStateException before {@link ClientState#PUBLISHING}
     */
    public boolean unpublish() {
        if (!publishingOrEnded()) {
            return false;
        }
        writer.send(CommandAmf0.of(0, "FCUnpublish", FC_UNPUBLISH, new Amf0String(config.streamName())),
                ChunkStreamIds.COMMAND);
        writer.send(CommandAmf0.of(0, "deleteStream", DELETE_STREAM, new Amf0Number(streamId)),
                ChunkStreamIds.COMMAND);
        close(CloseReason.Kind.UNPUBLISHED, "unpublished");
        return true;
    }

    /** Where the session stands now. */
    public ClientState state() {
        return state;
    }

    /** Why the session failed, once it has. */
    public Optional<ClientFailure> failure() {
        return Optional.ofNullable(failure);
    }

    /** Why the session closed, once it has. */
    public Optional<CloseReason> closeReason() {
        return Optional.ofNullable(closeReason);
    }

    /** The stream id the server gave, once publishing was requested. */
    public int streamId() {
        return streamId;
    }

    /** Every byte fed so far, the handshake included. */
    public long bytesReceived() {
        return acknowledgements.received();
    }

    /** Every byte queued for the server so far. */
    public long bytesSent() {
        return writer.bytesSent();
    }

    private void sendConnect() {
        writer.send(new SetChunkSize(config.chunkSize()), ChunkStreamIds.CONTROL);
        Map<String, Amf0Value> properties = new LinkedHashMap<>();
        properties.put("app", new Amf0String(config.app()));
        properties.put("type", new Amf0String("nonprivate"));
        properties.put("flashVer", new Amf0String(config.flashVer()));
        properties.put("tcUrl", new Amf0String(config.tcUrl()));
        config.capabilities().addTo(properties);
        writer.send(new CommandAmf0(0, 0, "connect", CONNECT, new Amf0Object(properties), List.of()),
                ChunkStreamIds.COMMAND);
        state = ClientState.CONNECTING;
    }

    private void onMessage(RawMessage raw) {
        if (state.isTerminal()) {
            return;
        }
        RtmpMessage message = MessageCodec.decode(raw, config.limits().amf());
        switch (message) {
            case SetChunkSize m -> decoder.setChunkSize(m.chunkSize());
            case Abort m -> decoder.abort(m.chunkStreamId());
            case Acknowledgement m -> events.add(new AcknowledgementReceived(m.sequenceNumber()));
            case UserControl.PingRequest ping ->
                    writer.send(new UserControl.PingResponse(ping.timestamp()), ChunkStreamIds.CONTROL);
            case UserControl ignored -> {
                // Stream Begin and the like announce what publish's onStatus confirms anyway.
            }
            case WindowAckSize m -> acknowledgements.windowSize(m.windowSize());
            case SetPeerBandwidth m -> {
                if (m.windowSize() != windowAckSizeSent) {
                    windowAckSizeSent = m.windowSize();
                    writer.send(new WindowAckSize(windowAckSizeSent), ChunkStreamIds.CONTROL);
                }
            }
            case Command m -> onCommand(m);
            case StreamMessage ignored -> {
                // A publishing client has no use for media or data the server sends.
            }
        }
    }

    private void onCommand(Command command) {
        switch (command.name()) {
            case "_result" -> onResult(command);
            case "_error" -> onError(command);
            case "onStatus" -> onStatus(command);
            default -> {
                // onBWDone, onFCPublish and other notifications need no answer from a publisher.
            }
        }
    }

    private void onResult(Command command) {
        double transaction = command.transactionId();
        if (transaction == CONNECT && state == ClientState.CONNECTING) {
            Amf0Properties properties = command.commandObject() instanceof Amf0Properties object
                    ? object : new Amf0Object(Map.of());
            events.add(new Connected(properties, EnhancedCapabilities.from(properties)));
            writer.send(CommandAmf0.of(0, "releaseStream", RELEASE_STREAM, new Amf0String(config.streamName())),
                    ChunkStreamIds.COMMAND);
            writer.send(CommandAmf0.of(0, "FCPublish", FC_PUBLISH, new Amf0String(config.streamName())),
                    ChunkStreamIds.COMMAND);
            writer.send(CommandAmf0.of(0, "createStream", CREATE_STREAM), ChunkStreamIds.COMMAND);
            state = ClientState.CREATING_STREAM;
        } else if (transaction == CREATE_STREAM && state == ClientState.CREATING_STREAM) {
            if (!(command.argument(0) instanceof Amf0Number(double id))) {
                throw new MediaFormatException("createStream result without a stream id");
            }
            streamId = (int) id;
            writer.send(CommandAmf0.of(streamId, "publish", PUBLISH, new Amf0String(config.streamName()),
                    new Amf0String(config.publishType().wireName())), ChunkStreamIds.STREAM_COMMAND);
            state = ClientState.PUBLISH_REQUESTED;
        }
    }

    /** ffmpeg too ignores errors to releaseStream and FCPublish, which servers may not implement. */
    private void onError(Command command) {
        double transaction = command.transactionId();
        StatusFields status = StatusFields.of(command);
        if (transaction == CONNECT && state == ClientState.CONNECTING) {
            fail(new ClientFailure(ClientFailure.Kind.CONNECT_REJECTED, status.code(), status.describe(), null));
        } else if (transaction == CREATE_STREAM && state == ClientState.CREATING_STREAM) {
            fail(new ClientFailure(ClientFailure.Kind.CREATE_STREAM_FAILED, status.code(), status.describe(), null));
        }
    }

    private void onStatus(Command command) {
        StatusFields status = StatusFields.of(command);
        if (StatusCodes.CONNECT_RECONNECT_REQUEST.equals(status.code())) {
            String tcUrl = status.info() == null ? null : status.info().text("tcUrl").orElse(null);
            events.add(new ReconnectRequested(tcUrl, status.description()));
        } else if (StatusCodes.LEVEL_ERROR.equals(status.level())) {
            ClientFailure.Kind kind = state == ClientState.PUBLISHING
                    ? ClientFailure.Kind.SERVER_ERROR : ClientFailure.Kind.PUBLISH_REFUSED;
            fail(new ClientFailure(kind, status.code(), status.describe(), null));
        } else if (StatusCodes.PUBLISH_START.equals(status.code()) && state == ClientState.PUBLISH_REQUESTED) {
            state = ClientState.PUBLISHING;
            events.add(new PublishStarted(streamId));
        } else {
            events.add(new StatusReceived(status.level(), status.code(), status.description()));
        }
    }

    /** True when publishing, false once ended; sending before publishing is the caller's mistake. */
    private boolean publishingOrEnded() {
        if (state.isTerminal()) {
            return false;
        }
        if (state != ClientState.PUBLISHING) {
            throw new IllegalStateException("not publishing yet: " + state);
        }
        return true;
    }

    private void close(CloseReason.Kind kind, String description) {
        closeReason = new CloseReason(kind, description);
        state = ClientState.CLOSED;
        events.add(new Closed(closeReason));
    }

    private void fail(ClientFailure reason) {
        failure = reason;
        state = ClientState.FAILED;
        events.add(new Failed(reason));
    }

    /** The level, code and description of an info object, the first argument after the command object. */
    private record StatusFields(Amf0Properties info, String level, String code, String description) {

        static StatusFields of(Command command) {
            if (!(command.argument(0) instanceof Amf0Properties info)) {
                return new StatusFields(null, null, null, null);
            }
            return new StatusFields(info, info.text("level").orElse(null), info.text("code").orElse(null),
                    info.text("description").orElse(null));
        }

        String describe() {
            return description != null ? description : code != null ? code : "no description";
        }
    }
}

package io.sluice.media.rtmp.session;

import io.sluice.media.amf.Amf0Number;
import io.sluice.media.amf.Amf0Object;
import io.sluice.media.amf.Amf0Properties;
import io.sluice.media.amf.Amf0String;
import io.sluice.media.amf.Amf0Undefined;
import io.sluice.media.amf.Amf0Value;
import io.sluice.media.error.LimitExceededException;
import io.sluice.media.error.MediaFormatException;
import io.sluice.media.rtmp.MemoryBudget;
import io.sluice.media.rtmp.RtmpLimits;
import io.sluice.media.rtmp.chunk.ChunkDecoder;
import io.sluice.media.rtmp.chunk.RawMessage;
import io.sluice.media.rtmp.handshake.HandshakeKind;
import io.sluice.media.rtmp.handshake.ServerHandshake;
import io.sluice.media.rtmp.message.Abort;
import io.sluice.media.rtmp.message.Acknowledgement;
import io.sluice.media.rtmp.message.Aggregate;
import io.sluice.media.rtmp.message.AggregateMember;
import io.sluice.media.rtmp.message.Audio;
import io.sluice.media.rtmp.message.Command;
import io.sluice.media.rtmp.message.CommandAmf0;
import io.sluice.media.rtmp.message.DataAmf3;
import io.sluice.media.rtmp.message.DataMessage;
import io.sluice.media.rtmp.message.MessageCodec;
import io.sluice.media.rtmp.message.RtmpMessage;
import io.sluice.media.rtmp.message.SetChunkSize;
import io.sluice.media.rtmp.message.SetPeerBandwidth;
import io.sluice.media.rtmp.message.SharedObject;
import io.sluice.media.rtmp.message.UserControl;
import io.sluice.media.rtmp.message.Video;
import io.sluice.media.rtmp.message.WindowAckSize;
import io.sluice.media.rtmp.session.ServerEvent.AcknowledgementReceived;
import io.sluice.media.rtmp.session.ServerEvent.AudioReceived;
import io.sluice.media.rtmp.session.ServerEvent.Closed;
import io.sluice.media.rtmp.session.ServerEvent.Connected;
import io.sluice.media.rtmp.session.ServerEvent.DataReceived;
import io.sluice.media.rtmp.session.ServerEvent.Failed;
import io.sluice.media.rtmp.session.ServerEvent.MetadataReceived;
import io.sluice.media.rtmp.session.ServerEvent.PingResponseReceived;
import io.sluice.media.rtmp.session.ServerEvent.PublishRequested;
import io.sluice.media.rtmp.session.ServerEvent.PublishStopped;
import io.sluice.media.rtmp.session.ServerEvent.VideoReceived;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * The server side of one RTMP connection, for an ingest: handshake, connect, stream setup and publish,
 * then media. Sans-IO: the service {@link #feed feeds} every byte it reads, writes out whatever
 * {@link #drainOutput()} returns, and handles {@link #drainEvents() events}. Nothing here blocks, and no
 * input can make a method throw: malformed input or a broken {@link RtmpLimits limit} moves the session
 * to {@link ServerState#FAILED} with a {@link #failure() reason} and a {@link ServerEvent.Failed} event.
 *
 * <p>The replies follow what encoders expect from FMS, nginx-rtmp and MediaMTX:
 * <ul>
 *   <li>connect: Window Acknowledgement Size, Set Peer Bandwidth (dynamic) and Set Chunk Size, then
 *       {@code _result} with {@code fmsVer}, {@code capabilities} and, to an Enhanced RTMP client, this
 *       server's {@code videoFourCcInfoMap}, {@code audioFourCcInfoMap} and {@code capsEx} (plus the
 *       accepted part of a {@code fourCcList}), and the info object NetConnection.Connect.Success with the
 *       client's {@code objectEncoding}. An application outside {@link RtmpServerConfig#applications()}
 *       gets {@code _error} NetConnection.Connect.Rejected and the session closes.</li>
 *   <li>releaseStream and FCPublish: {@code _result} when they carry a transaction id; FCPublish also
 *       gets FMS's {@code onFCPublish}. createStream: {@code _result} with a new stream id.</li>
 *   <li>publish: a {@link ServerEvent.PublishRequested} event, and nothing on the wire until the service
 *       decides. {@link #acceptPublish()} sends Stream Begin and NetStream.Publish.Start;
 *       {@link #refusePublish} sends the refusal's error code (see {@link PublishRefusal} for what ffmpeg
 *       and OBS show) and closes.</li>
 *   <li>FCUnpublish, closeStream, deleteStream: NetStream.Unpublish.Success and a
 *       {@link ServerEvent.PublishStopped} event; the connection may publish again.</li>
 *   <li>play gets NetStream.Play.Failed and the session closes; other calls with a transaction id get
 *       {@code _error} NetConnection.Call.Failed.</li>
 * </ul>
 *
 * <p>AMF3 (E-RTMP v2, "Enabling AMF3 in RTMP"): a command of type 17 or a data message of type 15 is a
 * format selector (0, the only one defined) followed by AMF0 values, any of which may switch to AMF3 with
 * the avmplus marker. The session treats a type 17 command exactly as a type 20 one, reading an AMF3
 * string after the switch as text (Flash Player sends publish's stream name that way; connect's command
 * object is AMF0 in every client, since connect is where the encoding is agreed), and always
 * answers with type 20 AMF0 commands, as nginx-rtmp and SRS do: a client declaring {@code objectEncoding}
 * 3 in connect states that it reads AMF0 and AMF3 alike, and the connect result echoes that 3. Type 15
 * data becomes the same events as type 18, flagged {@code amf3}, its payload without the format selector.
 * Metadata is recognised when its properties are an AMF0 object or ECMA array, the form every encoder
 * sends; properties sent as an AMF3 object come as {@link ServerEvent.DataReceived} for
 * {@code onMetaData}.
 *
 * <p>Media while a publish waits for the service's decision is held, up to
 * {@link RtmpLimits#maxHeldPublishBytes()}, and released as events on acceptance (discarded on refusal):
 * ffmpeg, OBS and GStreamer wait for NetStream.Publish.Start, but some hardware encoders start sending at
 * once. Audio or video before any publish is a protocol error; data messages outside a publish and media
 * arriving after a publish stopped (still in flight) are ignored.
 */
public final class RtmpServerSession {

    private static final double NO_TRANSACTION = 0;
    private static final String SET_DATA_FRAME = "@setDataFrame";
    private static final String ON_META_DATA = "onMetaData";

    /** How much of an unknown command's name an error reply repeats: the client's text, so bounded. */
    static final int MAX_ECHOED_NAME = 64;

    private final RtmpServerConfig config;
    private final MemoryBudget budget;
    private final ServerHandshake handshake;
    private final ChunkDecoder decoder;
    private final MessageWriter writer = new MessageWriter();
    private final AcknowledgementWindow acknowledgements = new AcknowledgementWindow();
    private final Consumer<RawMessage> onMessage = this::onMessage;
    private final List<ServerEvent> events = new ArrayList<>();
    private final List<ServerEvent> held = new ArrayList<>();
    private long heldBytes;

    private ServerState state = ServerState.HANDSHAKE;
    private ConnectRequest connectRequest;
    private PublishRequest publishRequest;
    private boolean publishedBefore;
    private int nextStreamId = 1;
    private long windowAckSizeSent;
    private CloseReason closeReason;
    private SessionFailure failure;

    /** A session with its own random source for the handshake, bounded by its limits alone. */
    public RtmpServerSession(RtmpServerConfig config) {
        this(config, new SplittableRandom(), MemoryBudget.UNLIMITED);
    }

    /**
     * A session with its own random source for the handshake, whose incomplete messages and held media
     * draw on {@code budget}, the process-wide bound shared with every other connection.
     */
    public RtmpServerSession(RtmpServerConfig config, MemoryBudget budget) {
        this(config, new SplittableRandom(), budget);
    }

    /** A session drawing handshake bytes from {@code random}, for reproducible tests. */
    public RtmpServerSession(RtmpServerConfig config, RandomGenerator random) {
        this(config, random, MemoryBudget.UNLIMITED);
    }

    private RtmpServerSession(RtmpServerConfig config, RandomGenerator random, MemoryBudget budget) {
        this.config = config;
        this.budget = budget;
        this.handshake = new ServerHandshake(random, config.limits().maxHandshakeBytes());
        this.decoder = new ChunkDecoder(config.limits(), budget);
    }

    /**
     * Takes bytes read from the client, all of them; any split is fine. In a terminal state the bytes are
     * dropped.
     */
    public void feed(ByteBuffer in) {
        acknowledgements.received(in.remaining());
        if (state.isTerminal()) {
            in.position(in.limit());
            return;
        }
        try {
            if (state == ServerState.HANDSHAKE) {
                writer.sendRaw(handshake.feed(in));
                if (handshake.state() != ServerHandshake.State.DONE) {
                    return;
                }
                state = ServerState.AWAIT_CONNECT;
            }
            decoder.decode(in, onMessage);
            if (!state.isTerminal() && acknowledgements.acknowledgementDue()) {
                writer.send(new Acknowledgement(acknowledgements.sequenceNumber()), ChunkStreamIds.CONTROL);
            }
        } catch (MediaFormatException e) {
            fail(SessionFailure.of(e));
        }
        in.position(in.limit());
    }

    /** Tells the session the client closed the connection (end of stream on the socket). */
    public void inputClosed() {
        if (!state.isTerminal()) {
            close(CloseReason.Kind.PEER_CLOSED, "the client closed the connection");
        }
    }

    /** Whether bytes wait to be written. */
    public boolean hasOutput() {
        return writer.hasOutput();
    }

    /** The bytes to write to the client, in order; empty when there are none. */
    public ByteBuffer drainOutput() {
        return writer.drain();
    }

    /** The events since the last drain, in order. */
    public List<ServerEvent> drainEvents() {
        List<ServerEvent> drained = List.copyOf(events);
        events.clear();
        return drained;
    }

    /**
     * Accepts the pending publish: Stream Begin and NetStream.Publish.Start go out and media held
     * meanwhile becomes events. Returns false when no publish is pending any more (the client withdrew
     * it or the session ended while the service was deciding).
     */
    public boolean acceptPublish() {
        if (state != ServerState.PUBLISH_PENDING) {
            return false;
        }
        writer.send(new UserControl.StreamBegin(publishRequest.streamId()), ChunkStreamIds.CONTROL);
        sendStatus(publishRequest.streamId(), StatusCodes.LEVEL_STATUS, StatusCodes.PUBLISH_START,
                "Publishing started.");
        state = ServerState.PUBLISHING;
        events.addAll(held);
        dropHeld();
        return true;
    }

    /**
     * Refuses the pending publish with {@code refusal}'s error code and {@code description} (shown by
     * ffmpeg, logged by OBS; never put a stream key in it) and closes the session. Returns false when no
     * publish is pending any more.
     */
    public boolean refusePublish(PublishRefusal refusal, String description) {
        if (state != ServerState.PUBLISH_PENDING) {
            return false;
        }
        sendStatus(publishRequest.streamId(), StatusCodes.LEVEL_ERROR, refusal.code(), description);
        dropHeld();
        close(CloseReason.Kind.PUBLISH_REFUSED, refusal.code() + ": " + description);
        return true;
    }

    /**
     * Asks the client to reconnect (E-RTMP v2, "Reconnect Request"), optionally to another {@code tcUrl}
     * (null for the same one). The session keeps working until the client goes; clients that did not
     * declare {@link EnhancedCapabilities#CAPS_EX_RECONNECT} in connect ignore the request. Returns false
     * before connect and after the end.
     */
    public boolean requestReconnect(String tcUrl, String description) {
        if (connectRequest == null || state.isTerminal()) {
            return false;
        }
        Map<String, Amf0Value> extra = new LinkedHashMap<>();
        if (tcUrl != null) {
            extra.put("tcUrl", new Amf0String(tcUrl));
        }
        Amf0Object info = StatusInfo.of(StatusCodes.LEVEL_STATUS, StatusCodes.CONNECT_RECONNECT_REQUEST, description,
                extra);
        writer.send(CommandAmf0.of(0, "onStatus", NO_TRANSACTION, info), ChunkStreamIds.COMMAND);
        return true;
    }

    /**
     * Ends the session on the service's initiative for a reason a reconnect cures (the instance shuts down):
     * a publishing client gets NetStream.Unpublish.Success with {@code reason} as description, then the
     * session is closed; write out the remaining output and close the connection. The status is not an
     * error, so encoders do not show the reason: ffmpeg fails with "End of file" on its next write, OBS
     * sees a dropped connection and reconnects. To stop an encoder with a message, use
     * {@link #end(PublishRefusal, String)}.
     */
    public void end(String reason) {
        endWithStatus(StatusCodes.LEVEL_STATUS, StatusCodes.UNPUBLISH_SUCCESS, reason);
    }

    /**
     * Ends the session with an error status, for a publish that is no longer allowed (the key was
     * disabled or rotated): a publishing client gets {@code refusal}'s code with {@code description},
     * which ffmpeg prints as {@code Server error: <description>} before failing and OBS reports as an
     * invalid stream key; then the session is closed.
     */
    public void end(PublishRefusal refusal, String description) {
        endWithStatus(StatusCodes.LEVEL_ERROR, refusal.code(), description);
    }

    private void endWithStatus(String level, String code, String description) {
        if (state.isTerminal()) {
            return;
        }
        if (state == ServerState.PUBLISHING || state == ServerState.PUBLISH_PENDING) {
            sendStatus(publishRequest.streamId(), level, code, description);
            dropHeld();
        }
        close(CloseReason.Kind.ENDED_BY_SERVICE, description);
    }

    /** Sends a Ping Request (section 7.1.7); the answer comes as {@link ServerEvent.PingResponseReceived}. */
    public void sendPing(long timestamp) {
        if (!state.isTerminal() && state != ServerState.HANDSHAKE) {
            writer.send(new UserControl.PingRequest(timestamp & 0xFFFF_FFFFL), ChunkStreamIds.CONTROL);
        }
    }

    /** Where the session stands now. */
    public ServerState state() {
        return state;
    }

    /** Why the session failed, once it has. */
    public Optional<SessionFailure> failure() {
        return Optional.ofNullable(failure);
    }

    /** Why the session closed, once it has. */
    public Optional<CloseReason> closeReason() {
        return Optional.ofNullable(closeReason);
    }

    /** The handshake form the client used, once C1 has been read. */
    public Optional<HandshakeKind> handshakeKind() {
        return Optional.ofNullable(handshake.kind());
    }

    /** The connect request, once connected. */
    public Optional<ConnectRequest> connectRequest() {
        return Optional.ofNullable(connectRequest);
    }

    /** The pending or active publish, if any. */
    public Optional<PublishRequest> publishRequest() {
        return Optional.ofNullable(publishRequest);
    }

    /** Every byte fed so far, the handshake included. */
    public long bytesReceived() {
        return acknowledgements.received();
    }

    /** Every byte queued for the client so far. */
    public long bytesSent() {
        return writer.bytesSent();
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
            case UserControl m -> onUserControl(m);
            case WindowAckSize m -> acknowledgements.windowSize(m.windowSize());
            case SetPeerBandwidth m -> onPeerBandwidth(m);
            case Command m -> onCommand(m);
            case SharedObject ignored -> {
                // Shared objects are a Flash collaboration feature; publishing encoders never rely on them.
            }
            case Aggregate m -> {
                List<RawMessage> members = MessageCodec.splitAggregate(raw);
                for (int i = 0; i < members.size(); i++) {
                    onMediaOrData(m.messages().get(i), members.get(i).payload());
                }
            }
            case AggregateMember m -> onMediaOrData(m, raw.payload());
        }
    }

    /** {@code rawPayload} is the body as received, inside an aggregate or not. */
    private void onMediaOrData(AggregateMember message, byte[] rawPayload) {
        switch (message) {
            case Audio m -> onMedia(new AudioReceived(m.timestamp(), m.payload()), m.streamId(), m.payload().length);
            case Video m -> onMedia(new VideoReceived(m.timestamp(), m.payload()), m.streamId(), m.payload().length);
            case DataMessage m -> onData(m, rawPayload);
        }
    }

    private void onUserControl(UserControl message) {
        switch (message) {
            case UserControl.PingRequest ping ->
                    writer.send(new UserControl.PingResponse(ping.timestamp()), ChunkStreamIds.CONTROL);
            case UserControl.PingResponse pong -> events.add(new PingResponseReceived(pong.timestamp()));
            default -> {
                // Buffer length and stream notifications concern players, not a publishing client.
            }
        }
    }

    /** Section 5.4.5: answer with our window when the peer's differs from the last one we sent. */
    private void onPeerBandwidth(SetPeerBandwidth message) {
        if (message.windowSize() != windowAckSizeSent) {
            windowAckSizeSent = message.windowSize();
            writer.send(new WindowAckSize(windowAckSizeSent), ChunkStreamIds.CONTROL);
        }
    }

    private void onCommand(Command command) {
        if (command.name().equals("connect")) {
            onConnect(command);
            return;
        }
        if (state == ServerState.AWAIT_CONNECT) {
            throw new MediaFormatException("expected connect, got " + command.name());
        }
        switch (command.name()) {
            case "releaseStream" -> replyResult(command, Amf0Undefined.INSTANCE);
            case "FCPublish" -> {
                replyResult(command, Amf0Undefined.INSTANCE);
                writer.send(CommandAmf0.of(0, "onFCPublish", NO_TRANSACTION, StatusInfo.of(
                        StatusCodes.LEVEL_STATUS, StatusCodes.PUBLISH_START, "FCPublish received.")),
                        ChunkStreamIds.COMMAND);
            }
            case "createStream" -> replyResult(command, new Amf0Number(nextStreamId++));
            case "publish" -> onPublish(command);
            case "FCUnpublish" -> {
                stopPublishing(command.name());
                replyResult(command, Amf0Undefined.INSTANCE);
            }
            case "closeStream" -> {
                if (publishRequest != null && command.streamId() == publishRequest.streamId()) {
                    stopPublishing(command.name());
                }
            }
            case "deleteStream" -> {
                Amf0Value stream = command.argument(0);
                if (publishRequest != null && (!(stream instanceof Amf0Number(double id))
                        || (int) id == publishRequest.streamId())) {
                    stopPublishing(command.name());
                }
            }
            case "play" -> {
                sendStatus(command.streamId(), StatusCodes.LEVEL_ERROR, StatusCodes.PLAY_FAILED,
                        "This server only accepts publishing.");
                close(CloseReason.Kind.PLAY_REFUSED, "the client asked to play");
            }
            default -> {
                if (command.transactionId() != NO_TRANSACTION) {
                    writer.send(CommandAmf0.of(0, "_error", command.transactionId(), StatusInfo.of(
                            StatusCodes.LEVEL_ERROR, StatusCodes.CALL_FAILED,
                            "Method not found (" + echoed(command.name()) + ").")), ChunkStreamIds.COMMAND);
                }
            }
        }
    }

    private void onConnect(Command command) {
        if (state != ServerState.AWAIT_CONNECT) {
            throw new MediaFormatException("connect on a connection that is already connected");
        }
        ConnectRequest request = command.commandObject() instanceof Amf0Properties object
                ? ConnectRequest.from(object) : null;
        if (request == null) {
            rejectConnect(command, "connect must name an application.");
            return;
        }
        if (config.connectRefusal() != null) {
            rejectConnect(command, config.connectRefusal());
            return;
        }
        if (!config.applications().isEmpty() && !config.applications().contains(request.app())) {
            rejectConnect(command, "Unknown application.");
            return;
        }
        windowAckSizeSent = config.windowAckSize();
        writer.send(new WindowAckSize(config.windowAckSize()), ChunkStreamIds.CONTROL);
        writer.send(new SetPeerBandwidth(config.peerBandwidth(), SetPeerBandwidth.LimitType.DYNAMIC),
                ChunkStreamIds.CONTROL);
        writer.send(new SetChunkSize(config.chunkSize()), ChunkStreamIds.CONTROL);

        Map<String, Amf0Value> properties = new LinkedHashMap<>();
        properties.put("fmsVer", new Amf0String(config.fmsVersion()));
        properties.put("capabilities", new Amf0Number(31));
        properties.put("mode", new Amf0Number(1));
        config.capabilities().answer(request.capabilities()).addTo(properties);
        Amf0Object info = StatusInfo.of(StatusCodes.LEVEL_STATUS, StatusCodes.CONNECT_SUCCESS,
                "Connection succeeded.", StatusInfo.objectEncoding(request.objectEncoding()));
        writer.send(new CommandAmf0(0, 0, "_result", command.transactionId(), new Amf0Object(properties),
                List.of(info)), ChunkStreamIds.COMMAND);

        connectRequest = request;
        state = ServerState.CONNECTED;
        events.add(new Connected(request));
    }

    private void rejectConnect(Command command, String description) {
        writer.send(CommandAmf0.of(0, "_error", command.transactionId(),
                StatusInfo.of(StatusCodes.LEVEL_ERROR, StatusCodes.CONNECT_REJECTED, description)),
                ChunkStreamIds.COMMAND);
        close(CloseReason.Kind.CONNECT_REJECTED, description);
    }

    private void onPublish(Command command) {
        if (state == ServerState.PUBLISH_PENDING || state == ServerState.PUBLISHING) {
            sendStatus(command.streamId(), StatusCodes.LEVEL_ERROR, StatusCodes.PUBLISH_BAD_NAME,
                    "This connection is already publishing.");
            return;
        }
        Amf0Value name = command.argument(0);
        if (name == null || name.asText() == null) {
            sendStatus(command.streamId(), StatusCodes.LEVEL_ERROR, StatusCodes.PUBLISH_BAD_NAME,
                    "publish must name a stream.");
            return;
        }
        Amf0Value type = command.argument(1);
        publishRequest = new PublishRequest(connectRequest.app(), name.asText(),
                PublishType.of(type == null ? null : type.asText()), command.streamId(), connectRequest.tcUrl());
        state = ServerState.PUBLISH_PENDING;
        events.add(new PublishRequested(publishRequest));
    }

    private void stopPublishing(String command) {
        if (state != ServerState.PUBLISHING && state != ServerState.PUBLISH_PENDING) {
            return;
        }
        if (state == ServerState.PUBLISHING) {
            sendStatus(publishRequest.streamId(), StatusCodes.LEVEL_STATUS, StatusCodes.UNPUBLISH_SUCCESS,
                    "Stopped publishing.");
        }
        events.add(new PublishStopped(publishRequest, command));
        dropHeld();
        publishRequest = null;
        publishedBefore = true;
        state = ServerState.CONNECTED;
    }

    private void onMedia(ServerEvent event, int streamId, int bytes) {
        switch (state) {
            case PUBLISH_PENDING -> {
                requirePublishingStream(streamId);
                hold(event, bytes);
            }
            case PUBLISHING -> {
                requirePublishingStream(streamId);
                events.add(event);
            }
            case CONNECTED -> {
                if (!publishedBefore) {
                    throw new MediaFormatException("audio or video before publish");
                }
            }
            case AWAIT_CONNECT -> throw new MediaFormatException("audio or video before connect");
            case HANDSHAKE, CLOSED, FAILED -> throw new IllegalStateException("media in state " + state);
        }
    }

    /**
     * {@code payload} is the message body as received; a type 15 message loses its format selector so that
     * every data event carries AMF0 values, an FLV script tag body either way.
     */
    private void onData(DataMessage message, byte[] payload) {
        boolean publishing = state == ServerState.PUBLISHING || state == ServerState.PUBLISH_PENDING;
        if (!publishing || message.streamId() != publishRequest.streamId()) {
            return;
        }
        List<Amf0Value> values = message.values();
        int first = SET_DATA_FRAME.equals(message.handlerName()) ? 1 : 0;
        String handler = first < values.size() ? values.get(first).asText() : null;
        boolean amf3 = message instanceof DataAmf3;
        byte[] body = amf3 ? Arrays.copyOfRange(payload, 1, payload.length) : payload;
        ServerEvent event = ON_META_DATA.equals(handler) && first + 1 < values.size()
                && values.get(first + 1) instanceof Amf0Properties metadata
                ? new MetadataReceived(message.timestamp(), metadata, body, amf3)
                : new DataReceived(message.timestamp(), handler, values, body, amf3);
        if (state == ServerState.PUBLISH_PENDING) {
            hold(event, body.length);
        } else {
            events.add(event);
        }
    }

    private void requirePublishingStream(int streamId) {
        if (streamId != publishRequest.streamId()) {
            throw new MediaFormatException("media on stream " + streamId + " while publishing on stream "
                    + publishRequest.streamId());
        }
    }

    private void hold(ServerEvent event, int bytes) {
        LimitExceededException.check(RtmpLimits.MAX_HELD_PUBLISH_BYTES, config.limits().maxHeldPublishBytes(),
                heldBytes + bytes);
        if (!budget.tryReserve(bytes)) {
            throw new LimitExceededException(RtmpLimits.MEMORY_BUDGET, budget.capacity(), budget.used() + bytes);
        }
        heldBytes += bytes;
        held.add(event);
    }

    private void dropHeld() {
        held.clear();
        budget.release(heldBytes);
        heldBytes = 0;
    }

    private static String echoed(String clientText) {
        return clientText.length() <= MAX_ECHOED_NAME ? clientText : clientText.substring(0, MAX_ECHOED_NAME) + "...";
    }

    private void replyResult(Command command, Amf0Value result) {
        if (command.transactionId() != NO_TRANSACTION) {
            writer.send(CommandAmf0.of(0, "_result", command.transactionId(), result), ChunkStreamIds.COMMAND);
        }
    }

    private void sendStatus(int streamId, String level, String code, String description) {
        writer.send(CommandAmf0.of(streamId, "onStatus", NO_TRANSACTION, StatusInfo.of(level, code, description)),
                ChunkStreamIds.STREAM_STATUS);
    }

    private void close(CloseReason.Kind kind, String description) {
        closeReason = new CloseReason(kind, description);
        state = ServerState.CLOSED;
        releaseMemory();
        events.add(new Closed(closeReason));
    }

    private void fail(SessionFailure reason) {
        failure = reason;
        state = ServerState.FAILED;
        releaseMemory();
        events.add(new Failed(reason));
    }

    /** A session that ended gives its share of the budget back at once, whatever the service does next. */
    private void releaseMemory() {
        decoder.close();
        dropHeld();
    }
}

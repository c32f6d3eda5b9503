package io.sluice.simulcast.domain;

import io.sluice.simulcast.config.SimulcastConfig;
import io.sluice.simulcast.crypto.KeyCipher;
import io.sluice.simulcast.security.Caller;
import io.sluice.simulcast.storage.TargetRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The targets API's rules. A stream's tenant comes from the key registry; a caller sees the targets of its tenant's
 * streams (an admin every tenant's) and, with the streamer role, adds, changes and removes them. Another tenant's
 * stream or target is not found, exactly like one that does not exist. The forwarding engine picks every change up
 * from the database within its refresh interval.
 */
@ApplicationScoped
public class TargetService {

    private static final Logger LOG = Logger.getLogger(TargetService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TargetRepository targets;
    private final StreamDirectory streams;
    private final KeyCipher cipher;
    private final AddressPolicy addresses;
    private final SimulcastConfig config;

    TargetService(TargetRepository targets, StreamDirectory streams, KeyCipher cipher, AddressPolicy addresses,
            SimulcastConfig config) {
        this.targets = targets;
        this.streams = streams;
        this.cipher = cipher;
        this.addresses = addresses;
        this.config = config;
    }

    public List<Target> list(Caller caller, String streamId) {
        readableStream(caller, streamId);
        return targets.ofStream(streamId);
    }

    public Target get(Caller caller, String streamId, String targetId) {
        readableStream(caller, streamId);
        return targets.find(streamId, targetId).orElseThrow(() -> notFound(targetId));
    }

    public Target create(Caller caller, String streamId, TargetChange request) {
        StreamDirectory.KnownStream stream = writableStream(caller, streamId);
        TargetUrl url = checkedUrl(request.url().orElse(null));
        String key = TargetInput.streamKey(request.streamKey().orElse(null));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Target target = new Target("st_" + HexFormat.of().formatHex(randomBytes()), streamId, stream.tenant(),
                url.tcUrl(), url.host(), TargetInput.passthrough(request.passthrough().orElse(null)),
                request.enabled().orElse(true), cipher.seal(key), TargetInput.last4(key),
                TargetInput.caPem(request.tlsCaPem().orElse(null)), now, now, TargetStatus.IDLE, null, null, 0, 0);
        if (!targets.insert(target, config.targets().maxPerStream())) {
            throw new TooManyTargetsException("A live stream has at most " + config.targets().maxPerStream()
                    + " simulcast targets");
        }
        LOG.debugf("Created %s", target);
        return target;
    }

    public Target update(Caller caller, String streamId, String targetId, TargetChange change) {
        writableStream(caller, streamId);
        Target old = targets.find(streamId, targetId).orElseThrow(() -> notFound(targetId));
        TargetUrl url = change.url().isPresent() ? checkedUrl(change.url().get()) : null;
        String key = change.streamKey().map(TargetInput::streamKey).orElse(null);
        Target updated = new Target(old.id(), old.streamId(), old.tenant(), url == null ? old.url() : url.tcUrl(),
                url == null ? old.host() : url.host(),
                change.passthrough().isPresent() ? TargetInput.passthrough(change.passthrough().get()) : old.passthrough(),
                change.enabled().orElse(old.enabled()), key == null ? old.key() : cipher.seal(key),
                key == null ? old.keyLast4() : TargetInput.last4(key),
                change.tlsCaPem().isPresent() ? TargetInput.caPem(change.tlsCaPem().get()) : old.tlsCaPem(),
                old.createdAt(), Instant.now().truncatedTo(ChronoUnit.MICROS), old.status(), old.lastError(),
                old.connectedAt(), old.bytesOut(), old.reconnects());
        if (!targets.updateSettings(updated)) {
            throw notFound(targetId);
        }
        LOG.debugf("Changed %s", updated);
        return updated;
    }

    public void delete(Caller caller, String streamId, String targetId) {
        writableStream(caller, streamId);
        if (!targets.delete(streamId, targetId)) {
            throw notFound(targetId);
        }
    }

    /**
     * The URL, its host refused when it is or resolves to an internal address. A name that does not resolve now is
     * taken: DNS may be set up later, and the engine checks the address it connects to anyway.
     */
    private TargetUrl checkedUrl(String text) {
        TargetUrl url = TargetUrl.parse(text);
        try {
            for (InetAddress address : InetAddress.getAllByName(url.host())) {
                if (!addresses.allows(address)) {
                    throw new InvalidTargetException("url", "must not point to a loopback, link-local or private address"
                            + " (" + url.host() + " is " + address.getHostAddress() + ")");
                }
            }
        } catch (UnknownHostException e) {
            // Checked again at every connect.
        }
        return url;
    }

    private StreamDirectory.KnownStream readableStream(Caller caller, String streamId) {
        String tenant = tenantOf(caller);
        StreamDirectory.KnownStream stream = streams.find(streamId).orElseThrow(() -> streamNotFound(streamId));
        if (!caller.admin() && !stream.tenant().equals(tenant)) {
            throw streamNotFound(streamId);
        }
        return stream;
    }

    private StreamDirectory.KnownStream writableStream(Caller caller, String streamId) {
        String tenant = tenantOf(caller);
        if (!caller.streamer()) {
            throw new AccessDeniedException(AccessDeniedException.Reason.NOT_A_STREAMER,
                    "Adding and changing simulcast targets needs the streamer role");
        }
        StreamDirectory.KnownStream stream = streams.find(streamId).orElseThrow(() -> streamNotFound(streamId));
        if (!stream.tenant().equals(tenant)) {
            throw streamNotFound(streamId);
        }
        return stream;
    }

    private static String tenantOf(Caller caller) {
        if (caller.tenant() == null && !caller.admin()) {
            throw new AccessDeniedException(AccessDeniedException.Reason.NO_TENANT, "The token names no tenant");
        }
        return caller.tenant();
    }

    private static TargetNotFoundException streamNotFound(String streamId) {
        return new TargetNotFoundException("No live stream " + streamId);
    }

    private static TargetNotFoundException notFound(String targetId) {
        return new TargetNotFoundException("No simulcast target " + targetId);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}

package io.sluice.media.rtmp.session;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;

/**
 * A client session wired to a server session in memory: {@link #pump()} moves bytes both ways until both
 * are quiet, collecting each side's events and letting the test react to server events (accept or refuse
 * a publish) as a service would, after the bytes that caused them.
 */
final class Loopback {

    final RtmpServerSession server;
    final RtmpClientSession client;
    final List<ServerEvent> serverEvents = new ArrayList<>();
    final List<ClientEvent> clientEvents = new ArrayList<>();
    private final BiConsumer<RtmpServerSession, ServerEvent> service;

    Loopback(RtmpServerConfig serverConfig, RtmpClientConfig clientConfig,
            BiConsumer<RtmpServerSession, ServerEvent> service) {
        this.server = new RtmpServerSession(serverConfig, new SplittableRandom(1));
        this.client = new RtmpClientSession(clientConfig, new SplittableRandom(2));
        this.service = service;
    }

    /** A pair where the service accepts every publish. */
    static Loopback accepting(RtmpServerConfig serverConfig, RtmpClientConfig clientConfig) {
        return new Loopback(serverConfig, clientConfig, (server, event) -> {
            if (event instanceof ServerEvent.PublishRequested) {
                server.acceptPublish();
            }
        });
    }

    static RtmpClientConfig clientConfig() {
        return RtmpClientConfig.forUrl("rtmp://ingest.example:1935/live/key-123");
    }

    /** Starts the client and pumps until it publishes or ends. */
    Loopback startAndPump() {
        client.start();
        pump();
        return this;
    }

    void pump() {
        boolean moved = true;
        while (moved) {
            moved = false;
            if (client.hasOutput()) {
                server.feed(client.drainOutput());
                moved = true;
            }
            for (ServerEvent event : server.drainEvents()) {
                serverEvents.add(event);
                service.accept(server, event);
            }
            if (server.hasOutput()) {
                ByteBuffer bytes = server.drainOutput();
                if (!client.state().isTerminal()) {
                    client.feed(bytes);
                }
                moved = true;
            }
            clientEvents.addAll(client.drainEvents());
        }
    }

    <T extends ServerEvent> List<T> serverEvents(Class<T> type) {
        return serverEvents.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends ClientEvent> List<T> clientEvents(Class<T> type) {
        return clientEvents.stream().filter(type::isInstance).map(type::cast).toList();
    }
}

package io.sluice.simulcast.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import io.sluice.events.EventCodec;
import io.sluice.events.StructuredEvent;
import io.sluice.events.Topics;
import io.sluice.events.data.SimulcastTargetStatus;
import io.sluice.events.kafka.KafkaEventRecords;
import io.sluice.simulcast.config.SimulcastConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Publishes each status change of a target on {@code sluice.simulcast.v1}, keyed by the stream id, so that a stream's
 * events stay in order. The event names the target by id and host, never by its key. Status changes are facts of the
 * moment, not of a database transaction: they go straight to an idempotent producer, and one that cannot be sent is
 * counted and logged; the target's row holds the current status either way.
 */
@ApplicationScoped
public class StatusEvents {

    private static final Logger LOG = Logger.getLogger(StatusEvents.class);

    private final KafkaProducer<String, byte[]> producer;
    private final URI source;
    private final MeterRegistry meters;

    StatusEvents(SimulcastConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            MeterRegistry meters) {
        this.source = URI.create(config.events().source());
        this.meters = meters;
        Map<String, Object> producerConfig = new HashMap<>(kafkaConfig);
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, "simulcast-status-events");
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        this.producer = new KafkaProducer<>(producerConfig);
    }

    void onStop(@Observes ShutdownEvent event) {
        producer.close(Duration.ofSeconds(5));
    }

    public void publish(SimulcastTargetStatus status) {
        try {
            producer.send(KafkaEventRecords.toProducerRecord(Topics.SIMULCAST,
                    EventCodec.encode(StructuredEvent.of(source, status, status.at()))), (metadata, error) -> {
                        if (error != null) {
                            failed(status, error);
                        }
                    });
        } catch (RuntimeException e) {
            failed(status, e);
        }
    }

    private void failed(SimulcastTargetStatus status, Exception error) {
        meters.counter("sluice.simulcast.events.failed").increment();
        LOG.warnf("The %s event of target %s of stream %s was not published: %s", status.status(), status.targetId(),
                status.streamId(), error.toString());
    }
}

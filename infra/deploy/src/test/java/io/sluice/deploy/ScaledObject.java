package io.sluice.deploy;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * KEDA's {@code ScaledObject} (keda.sh/v1alpha1) as far as its custom resource definition goes, for the typed
 * reading of the manifests: KEDA publishes no Java model. Fields outside these records, and trigger
 * parameters its Kafka and Prometheus scalers do not document, are refused.
 */
record ScaledObject(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    /** The parameters of the scalers the manifests use, as KEDA documents them. */
    static final Map<String, Set<String>> TRIGGER_PARAMETERS = Map.of(
            "kafka", Set.of("bootstrapServers", "bootstrapServersFromEnv", "consumerGroup", "consumerGroupFromEnv", "topic",
                    "topicFromEnv", "lagThreshold", "activationLagThreshold", "offsetResetPolicy", "allowIdleConsumers",
                    "scaleToZeroOnInvalidOffset", "excludePersistentLag", "limitToPartitionsWithLag", "partitionLimitation",
                    "version", "sasl", "tls", "unsafeSsl"),
            "prometheus", Set.of("serverAddress", "query", "threshold", "activationThreshold", "namespace", "customHeaders",
                    "ignoreNullValues", "queryParameters", "unsafeSsl", "timeout"));

    record Spec(ScaleTargetRef scaleTargetRef, Integer minReplicaCount, Integer maxReplicaCount, Integer idleReplicaCount,
            Integer pollingInterval, Integer cooldownPeriod, Integer initialCooldownPeriod, Map<String, Object> advanced,
            Map<String, Object> fallback, List<Trigger> triggers) {
    }

    record ScaleTargetRef(String apiVersion, String kind, String name, String envSourceContainerName) {
    }

    record Trigger(String type, String name, String metricType, Boolean useCachedMetrics, Map<String, String> metadata,
            Map<String, String> authenticationRef) {
    }
}

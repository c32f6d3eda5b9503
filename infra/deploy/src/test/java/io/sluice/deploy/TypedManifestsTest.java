package io.sluice.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.junit.jupiter.api.Test;

/** The typed reading refuses what its model does not know, in Kubernetes', Strimzi's and KEDA's kinds alike. */
class TypedManifestsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void aKnownObjectReadsIntoItsModel() throws Exception {
        Object read = TypedManifests.read(yaml("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: auth-service}
                spec:
                  replicas: 2
                  selector: {matchLabels: {app: a}}
                  template: {metadata: {labels: {app: a}}, spec: {containers: [{name: a, image: a}]}}
                """));

        assertThat(read).isInstanceOfSatisfying(Deployment.class, d -> assertThat(d.getSpec().getReplicas()).isEqualTo(2));
    }

    @Test
    void aMisspeltKubernetesFieldIsRefusedWithItsName() {
        assertThatThrownBy(() -> TypedManifests.read(yaml("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: auth-service}
                spec:
                  replica: 2
                """))).isInstanceOf(AssertionError.class).hasMessageContaining("replica");
    }

    @Test
    void aMisplacedStrimziFieldIsRefused() throws Exception {
        assertThat(TypedManifests.read(yaml("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: sluice-media-v1}
                spec: {topicName: sluice.media.v1, partitions: 6, replicas: 3}
                """))).isInstanceOf(KafkaTopic.class);
        assertThatThrownBy(() -> TypedManifests.read(yaml("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: sluice-media-v1}
                spec: {topicName: sluice.media.v1, partitions: 6, replicas: 3, retention.ms: 1000}
                """))).isInstanceOf(AssertionError.class).hasMessageContaining("retention.ms");
    }

    @Test
    void anUnknownKedaFieldIsRefused() {
        assertThatThrownBy(() -> TypedManifests.read(yaml("""
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata: {name: recording-service}
                spec:
                  scaleTargetRef: {name: recording-service}
                  maxReplicas: 6
                """))).isInstanceOf(AssertionError.class).hasMessageContaining("maxReplicas");
    }

    @Test
    void aKindWithoutAModelIsRefused() {
        assertThatThrownBy(() -> TypedManifests.read(yaml("""
                apiVersion: batch/v1
                kind: Job
                metadata: {name: migrate}
                """))).isInstanceOf(AssertionError.class).hasMessageContaining("no typed model for batch/v1/Job");
    }

    private static JsonNode yaml(String text) throws Exception {
        return YAML.readTree(text);
    }
}

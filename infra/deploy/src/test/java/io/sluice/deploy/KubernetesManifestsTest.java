package io.sluice.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.sluice.stack.provision.TopicDefinition;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@code kubectl kustomize} makes of the base and of each overlay, read into typed models and checked
 * for what the deployment promises: probes, resources and a restricted security context on every container,
 * the local stack's environment, topics and scaling that follow topics.conf, the ingest's exposure and
 * drain, the console behind the ingress, and network policies.
 */
class KubernetesManifestsTest {

    private static final List<String> SERVICES = List.of("auth-service", "ingest-service", "recording-service", "simulcast-service");
    /** The workloads built from the project's modules: the services and the console. */
    private static final List<String> MODULES = List.of("auth-service", "ingest-service", "recording-service", "simulcast-service",
            "console");
    /** The APIs the console calls, with their container ports. */
    private static final Map<String, Integer> CONSOLE_APIS = Map.of("auth-service", 8080, "recording-service", 8082,
            "simulcast-service", 8083);
    private static final Map<String, List<Object>> BUILT = new ConcurrentHashMap<>();
    /** Containers whose software writes into its own installation (Keycloak's development mode rebuilds itself). */
    private static final Set<String> WRITABLE_ROOT = Set.of("keycloak");
    /** The ingest's drain on SIGTERM: reconnect grace (5 s) and the wait for sessions to end (5 s). */
    private static final int INGEST_DRAIN_SECONDS = 10;
    /** What components/proxy-protocol sets on the ingest. */
    private static final Set<String> PROXY_PROTOCOL_SETTINGS =
            Set.of("SLUICE_INGEST_PROXY_PROTOCOL_ENABLED", "SLUICE_INGEST_PROXY_PROTOCOL_TRUSTED_SOURCES");

    static List<Object> objects(String folder) {
        return BUILT.computeIfAbsent(folder, f -> TypedManifests.readAll(Checkout.kustomize(f)));
    }

    static <T> List<T> all(String folder, Class<T> type) {
        return objects(folder).stream().filter(type::isInstance).map(type::cast).toList();
    }

    static <T extends HasMetadata> T named(String folder, Class<T> type, String name) {
        return all(folder, type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name + " in " + folder));
    }

    /** Every pod template of the folder, by its workload's name. */
    static Map<String, PodTemplateSpec> podTemplates(String folder) {
        Map<String, PodTemplateSpec> templates = new TreeMap<>();
        all(folder, Deployment.class).forEach(d -> templates.put(d.getMetadata().getName(), d.getSpec().getTemplate()));
        all(folder, StatefulSet.class).forEach(s -> templates.put(s.getMetadata().getName(), s.getSpec().getTemplate()));
        return templates;
    }

    static Container container(String folder, String workload) {
        return podTemplates(folder).get(workload).getSpec().getContainers().getFirst();
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void everyObjectReadsIntoItsTypedModel(String folder) {
        List<JsonNode> raw = Checkout.kustomize(folder);

        assertThat(TypedManifests.readAll(raw)).hasSameSizeAs(raw);
        assertThat(all(folder, Deployment.class).size() + all(folder, StatefulSet.class).size()).isGreaterThanOrEqualTo(MODULES.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void everyContainerHasProbesResourcesAndARestrictedSecurityContext(String folder) {
        podTemplates(folder).forEach((workload, template) -> {
            PodSecurityContext pod = Optional.ofNullable(template.getSpec().getSecurityContext()).orElse(new PodSecurityContext());
            assertThat(template.getSpec().getAutomountServiceAccountToken()).as(workload + " mounts no service account token").isFalse();
            List<Container> containers = new ArrayList<>(template.getSpec().getContainers());
            containers.addAll(Optional.ofNullable(template.getSpec().getInitContainers()).orElse(List.of()));
            for (Container c : containers) {
                String what = workload + "/" + c.getName();
                assertThat(c.getLivenessProbe()).as(what + " liveness probe").isNotNull();
                assertThat(c.getReadinessProbe()).as(what + " readiness probe").isNotNull();
                assertThat(c.getStartupProbe()).as(what + " startup probe").isNotNull();
                assertThat(c.getResources().getRequests()).as(what + " requests").containsKeys("cpu", "memory");
                assertThat(c.getResources().getLimits()).as(what + " limits").containsKey("memory");
                SecurityContext sc = c.getSecurityContext();
                assertThat(sc).as(what + " security context").isNotNull();
                assertThat(Objects.requireNonNullElse(sc.getRunAsNonRoot(), pod.getRunAsNonRoot())).as(what + " non-root").isTrue();
                assertThat(sc.getAllowPrivilegeEscalation()).as(what + " privilege escalation").isFalse();
                assertThat(sc.getCapabilities().getDrop()).as(what + " capabilities").contains("ALL");
                assertThat(sc.getReadOnlyRootFilesystem()).as(what + " read-only root file system")
                        .isEqualTo(!WRITABLE_ROOT.contains(c.getName()));
                String seccomp = sc.getSeccompProfile() != null ? sc.getSeccompProfile().getType()
                        : pod.getSeccompProfile() != null ? pod.getSeccompProfile().getType() : null;
                assertThat(seccomp).as(what + " seccomp profile").isEqualTo("RuntimeDefault");
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void theTopicsAreThoseOfTopicsConf(String folder) {
        List<TopicDefinition> expected = TopicDefinition.load(Checkout.ROOT.resolve("infra/config/topics.conf"));
        Map<String, KafkaTopic> topics = all(folder, KafkaTopic.class).stream()
                .collect(Collectors.toMap(t -> t.getSpec().getTopicName(), t -> t));

        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(expected.stream().map(TopicDefinition::name).toList());
        int replicas = folder.equals("overlays/dev") ? 1 : 3;
        for (TopicDefinition topic : expected) {
            KafkaTopic kafkaTopic = topics.get(topic.name());
            assertThat(kafkaTopic.getSpec().getPartitions()).as(topic.name()).isEqualTo(topic.partitions());
            assertThat(kafkaTopic.getSpec().getReplicas()).as(topic.name()).isEqualTo(replicas);
            Map<String, String> config = new TreeMap<>();
            kafkaTopic.getSpec().getConfig().forEach((k, v) -> config.put(k, String.valueOf(v)));
            assertThat(config).as(topic.name()).isEqualTo(new TreeMap<>(topic.configs()));
            assertThat(kafkaTopic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "sluice");
        }
        Kafka kafka = named(folder, Kafka.class, "sluice");
        String largest = expected.stream().filter(t -> t.name().equals("sluice.media.v1")).findFirst().orElseThrow()
                .configs().get("max.message.bytes");
        assertThat(String.valueOf(kafka.getSpec().getKafka().getConfig().get("message.max.bytes"))).isEqualTo(largest);
        assertThat(String.valueOf(kafka.getSpec().getKafka().getConfig().get("replica.fetch.max.bytes"))).isEqualTo(largest);
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void theServicesGetTheLocalStacksEnvironment(String folder) {
        Map<String, Set<String>> local = LocalStackEnvironment.variableNames();
        for (String service : MODULES) {
            Set<String> expected = new TreeSet<>(local.get(service));
            if (service.equals("ingest-service")) {
                // A Secret's PEM files instead of the local stack's PKCS#12 keystore, the pod name as the
                // instance id, and the RTMPS address told to plain RTMP clients.
                expected.removeAll(Set.of("SLUICE_INGEST_RTMPS_TLS_KEYSTORE", "SLUICE_INGEST_RTMPS_TLS_KEYSTORE_PASSWORD"));
                expected.addAll(Set.of("SLUICE_INGEST_RTMPS_TLS_CERTIFICATE", "SLUICE_INGEST_RTMPS_TLS_KEY",
                        "SLUICE_INGEST_INSTANCE_ID", "SLUICE_INGEST_RTMPS_PUBLIC_URL"));
                if (folder.equals("overlays/prod")) {
                    expected.addAll(PROXY_PROTOCOL_SETTINGS);
                }
            }
            if (service.equals("console")) {
                // Behind the ingress, which ends TLS: the forwarded scheme makes the sign-in's redirect https.
                expected.addAll(Set.of("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED"));
            }
            Set<String> names = container(folder, service).getEnv().stream().map(EnvVar::getName)
                    .filter(name -> !name.equals("KUBERNETES_NAMESPACE")) // the Quarkus extension's own, for Kubernetes clients
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(names).as(service).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void recordingAndSimulcastScaleOnMediaLagAndLiveSessionsUpToThePartitionCount(String folder) {
        Map<String, Integer> partitions = TopicDefinition.load(Checkout.ROOT.resolve("infra/config/topics.conf")).stream()
                .collect(Collectors.toMap(TopicDefinition::name, TopicDefinition::partitions));
        List<ScaledObject> scalers = all(folder, ScaledObject.class);
        assertThat(scalers).extracting(s -> s.metadata().getName()).containsExactlyInAnyOrder("recording-service", "simulcast-service");
        for (ScaledObject scaler : scalers) {
            String service = scaler.metadata().getName();
            String consumerGroup = "sluice-" + service.replace("-service", "");
            Container target = container(folder, scaler.spec().scaleTargetRef().name());
            ScaledObject.ScaleTargetRef ref = scaler.spec().scaleTargetRef();
            Class<? extends HasMetadata> kind = "StatefulSet".equals(ref.kind()) ? StatefulSet.class : Deployment.class;
            assertThat(ref.kind()).as(service + " target kind").isIn(null, "Deployment", "StatefulSet");
            assertThat(all(folder, kind)).extracting(d -> d.getMetadata().getName()).as(service + " target").contains(ref.name());
            assertThat(scaler.spec().minReplicaCount()).as(service + " minimum").isEqualTo(folder.equals("overlays/dev") ? 0 : 1);
            for (ScaledObject.Trigger trigger : scaler.spec().triggers()) {
                assertThat(ScaledObject.TRIGGER_PARAMETERS).containsKey(trigger.type());
                assertThat(ScaledObject.TRIGGER_PARAMETERS.get(trigger.type())).as(service + " " + trigger.type() + " parameters")
                        .containsAll(trigger.metadata().keySet());
            }
            ScaledObject.Trigger lag = trigger(scaler, "kafka");
            assertThat(lag.metadata()).containsEntry("consumerGroup", consumerGroup).containsEntry("topic", "sluice.media.v1");
            assertThat(scaler.spec().maxReplicaCount()).as(service + " replicas").isLessThanOrEqualTo(partitions.get(lag.metadata().get("topic")));
            assertThat(target.getEnv()).extracting(EnvVar::getName).contains(lag.metadata().get("bootstrapServersFromEnv"));
            assertThat(trigger(scaler, "prometheus").metadata().get("query")).contains("sluice_ingest_sessions_live");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void theIngestIsReachedOnRtmps443AndDrainsBeforeItIsKilled(String folder) {
        Service rtmps = named(folder, Service.class, "ingest-rtmps");
        assertThat(rtmps.getSpec().getType()).isEqualTo("LoadBalancer");
        assertThat(rtmps.getSpec().getExternalTrafficPolicy()).isEqualTo("Local");
        assertThat(rtmps.getSpec().getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getPort()).isEqualTo(443);
            assertThat(port.getTargetPort().getStrVal()).isEqualTo("rtmps");
        });
        StatefulSet ingest = named(folder, StatefulSet.class, "ingest-service");
        assertThat(ingest.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds()).isGreaterThan(INGEST_DRAIN_SECONDS + 20L);
        Container container = ingest.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(container.getPorts()).anySatisfy(p -> {
            assertThat(p.getName()).isEqualTo("rtmps");
            assertThat(p.getContainerPort()).isEqualTo(1936);
        });
        assertThat(env(container, "SLUICE_INGEST_INSTANCE_ID").getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
        assertThat(env(container, "SLUICE_INGEST_RTMPS_ONLY").getValue()).isEqualTo("true");
        // Production takes the encoders' addresses from the balancer's PROXY protocol, from the trusted range only.
        Map<String, String> annotations = rtmps.getMetadata().getAnnotations() == null ? Map.of() : rtmps.getMetadata().getAnnotations();
        if (folder.equals("overlays/prod")) {
            assertThat(annotations).containsEntry("service.beta.kubernetes.io/aws-load-balancer-proxy-protocol", "*");
            assertThat(env(container, "SLUICE_INGEST_PROXY_PROTOCOL_ENABLED").getValue()).isEqualTo("true");
            assertThat(env(container, "SLUICE_INGEST_PROXY_PROTOCOL_TRUSTED_SOURCES").getValue()).matches("[0-9a-f.:/,]+");
        } else {
            assertThat(annotations).doesNotContainKey("service.beta.kubernetes.io/aws-load-balancer-proxy-protocol");
            assertThat(container.getEnv()).noneMatch(e -> PROXY_PROTOCOL_SETTINGS.contains(e.getName()));
        }
        Volume tls = ingest.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getSecret() != null).findFirst().orElseThrow();
        assertThat(tls.getSecret().getSecretName()).isEqualTo("sluice-ingest-tls");
        String mount = container.getVolumeMounts().stream().filter(m -> m.getName().equals(tls.getName())).findFirst().orElseThrow().getMountPath();
        assertThat(env(container, "SLUICE_INGEST_RTMPS_TLS_CERTIFICATE").getValue()).startsWith(mount + "/");
        assertThat(env(container, "SLUICE_INGEST_RTMPS_TLS_KEY").getValue()).startsWith(mount + "/");
        PodDisruptionBudget budget = named(folder, PodDisruptionBudget.class, "ingest-service");
        assertThat(matches(budget.getSpec().getSelector(), ingest.getSpec().getTemplate().getMetadata().getLabels())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void authScalesOnCpuAndReadsItsCredentialsFromSecrets(String folder) {
        HorizontalPodAutoscaler hpa = named(folder, HorizontalPodAutoscaler.class, "auth-service");
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("auth-service");
        assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
        for (String service : List.of("auth-service", "recording-service", "simulcast-service")) {
            Container c = container(folder, service);
            for (String secret : List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD",
                    "QUARKUS_OIDC_CREDENTIALS_SECRET")) {
                assertThat(env(c, secret).getValueFrom().getSecretKeyRef()).as(service + " " + secret).isNotNull();
            }
        }
        assertThat(env(container(folder, "ingest-service"), "QUARKUS_OIDC_CREDENTIALS_SECRET").getValueFrom().getSecretKeyRef()).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void aReplacedSimulcastPodKeepsItsNameAndSoItsPartitions(String folder) {
        // The pod's name is the consumer group's static member id; only a StatefulSet gives a replaced pod the same name.
        StatefulSet simulcast = named(folder, StatefulSet.class, "simulcast-service");
        Container container = container(folder, "simulcast-service");
        assertThat(env(container, "SLUICE_SIMULCAST_MEDIA_INSTANCE_ID").getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
        assertThat(simulcast.getSpec().getServiceName()).isEqualTo("simulcast-service");
        assertThat(all(folder, Deployment.class)).extracting(d -> d.getMetadata().getName()).doesNotContain("simulcast-service");
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void everyRecordingReplicaKeepsRecordingsOnTheOneSharedClaim(String folder) {
        Container recording = container(folder, "recording-service");
        String directory = env(recording, "SLUICE_RECORDING_STORAGE_DIRECTORY").getValue();
        assertThat(env(recording, "SLUICE_RECORDING_STORAGE_TYPE").getValue()).isEqualTo("filesystem");
        String volume = recording.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(directory))
                .findFirst().orElseThrow(() -> new AssertionError("nothing mounted on " + directory)).getName();
        String claim = podTemplates(folder).get("recording-service").getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals(volume)).findFirst().orElseThrow().getPersistentVolumeClaim().getClaimName();
        PersistentVolumeClaim pvc = named(folder, PersistentVolumeClaim.class, claim);
        // Several replicas (KEDA) mount it at once; a development cluster's nodes are one.
        assertThat(pvc.getSpec().getAccessModes()).containsExactly(folder.equals("overlays/dev") ? "ReadWriteOnce" : "ReadWriteMany");
        assertThat(env(recording, "SLUICE_RECORDING_PUBLIC_BASE_URL").getValueFrom().getConfigMapKeyRef().getKey()).isEqualTo("playback-base-url");
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void nothingIsReachableThatNoPolicyOpens(String folder) {
        List<NetworkPolicy> policies = all(folder, NetworkPolicy.class);
        NetworkPolicy deny = named(folder, NetworkPolicy.class, "default-deny-ingress");
        assertThat(deny.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
        assertThat(deny.getSpec().getIngress()).isNullOrEmpty();
        podTemplates(folder).forEach((workload, template) -> assertThat(policies.stream()
                .filter(p -> p != deny && matches(p.getSpec().getPodSelector(), template.getMetadata().getLabels())))
                .as(workload + " is reachable through some policy").isNotEmpty());
        // Only the ingest's RTMPS port is open to any source.
        for (NetworkPolicy policy : policies) {
            Optional.ofNullable(policy.getSpec().getIngress()).orElse(List.of()).stream()
                    .filter(rule -> rule.getFrom() == null || rule.getFrom().isEmpty())
                    .forEach(rule -> {
                        assertThat(policy.getMetadata().getName()).isEqualTo("ingest-rtmps-from-anywhere");
                        assertThat(rule.getPorts()).singleElement().satisfies(p -> assertThat(p.getPort().getIntVal()).isEqualTo(1936));
                    });
        }
        // Kafka's listener: the four services and KEDA's scaler only (Strimzi makes the policy).
        List<String> kafkaClients = named(folder, Kafka.class, "sluice").getSpec().getKafka().getListeners().stream()
                .flatMap(l -> l.getNetworkPolicyPeers().stream())
                .filter(peer -> peer.getPodSelector() != null)
                .flatMap(peer -> peer.getPodSelector().getMatchExpressions().stream())
                .flatMap(e -> e.getValues().stream())
                .toList();
        assertThat(kafkaClients).containsExactlyInAnyOrderElementsOf(SERVICES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void everyReferencedConfigMapAndSecretIsThereOrDocumentedAsTheOperatorsToCreate(String folder) {
        Map<String, Set<String>> configMaps = new LinkedHashMap<>();
        all(folder, ConfigMap.class).forEach(m -> configMaps.put(m.getMetadata().getName(), m.getData().keySet()));
        Map<String, Set<String>> secrets = new LinkedHashMap<>();
        all(folder, Secret.class).forEach(s -> secrets.put(s.getMetadata().getName(), s.getData().keySet()));
        Set<String> missingSecrets = new TreeSet<>();
        podTemplates(folder).values().forEach(template -> {
            template.getSpec().getContainers().forEach(c -> Optional.ofNullable(c.getEnv()).orElse(List.of()).stream()
                    .filter(e -> e.getValueFrom() != null)
                    .forEach(e -> {
                        if (e.getValueFrom().getConfigMapKeyRef() != null) {
                            var ref = e.getValueFrom().getConfigMapKeyRef();
                            assertThat(configMaps.get(ref.getName())).as("ConfigMap " + ref.getName()).contains(ref.getKey());
                        }
                        if (e.getValueFrom().getSecretKeyRef() != null) {
                            var ref = e.getValueFrom().getSecretKeyRef();
                            if (secrets.containsKey(ref.getName())) {
                                assertThat(secrets.get(ref.getName())).as("Secret " + ref.getName()).contains(ref.getKey());
                            } else {
                                missingSecrets.add(ref.getName());
                            }
                        }
                    }));
            Optional.ofNullable(template.getSpec().getVolumes()).orElse(List.of()).stream()
                    .filter(v -> v.getSecret() != null && !secrets.containsKey(v.getSecret().getSecretName()))
                    .forEach(v -> missingSecrets.add(v.getSecret().getSecretName()));
            Optional.ofNullable(template.getSpec().getVolumes()).orElse(List.of()).stream()
                    .filter(v -> v.getConfigMap() != null)
                    .forEach(v -> assertThat(configMaps).containsKey(v.getConfigMap().getName()));
        });
        // The operator's to create, as the README's Deploy section says: TLS everywhere, and in production the
        // database and OIDC client credentials, and the key that seals simulcast target keys.
        Set<String> expected = new TreeSet<>(Set.of("sluice-ingest-tls"));
        if (folder.equals("overlays/prod")) {
            Stream.of("auth", "ingest", "recording", "simulcast", "console").forEach(s -> expected.add("sluice-" + s + "-oidc"));
            Stream.of("auth", "recording", "simulcast").forEach(s -> expected.add("sluice-" + s + "-db"));
            expected.add("sluice-simulcast-encryption");
        }
        assertThat(missingSecrets).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void theConsoleIsServedThroughTheIngressAndCallsTheApisInTheCluster(String folder) {
        Deployment console = named(folder, Deployment.class, "console");
        Map<String, String> labels = console.getSpec().getTemplate().getMetadata().getLabels();
        Container container = console.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(console.getSpec().getReplicas()).as("replicas").isEqualTo(folder.equals("overlays/dev") ? 1 : 2);
        assertThat(matches(named(folder, PodDisruptionBudget.class, "console").getSpec().getSelector(), labels)).isTrue();

        var route = named(folder, Ingress.class, "sluice-console").getSpec().getRules().getFirst().getHttp().getPaths().getFirst();
        assertThat(route.getPath()).isEqualTo("/");
        assertThat(route.getBackend().getService().getName()).isEqualTo("console");
        Service service = named(folder, Service.class, "console");
        assertThat(service.getSpec().getPorts()).anySatisfy(p -> {
            assertThat(p.getName()).isEqualTo(route.getBackend().getService().getPort().getName());
            assertThat(p.getTargetPort().getIntVal()).isEqualTo(8084);
        });

        // The dev overlay's generator adds a hash of the content to the name.
        assertThat(env(container, "QUARKUS_OIDC_CREDENTIALS_SECRET").getValueFrom().getSecretKeyRef().getName()).startsWith("sluice-console-oidc");
        assertThat(env(container, "QUARKUS_OIDC_AUTH_SERVER_URL").getValueFrom().getConfigMapKeyRef().getKey()).isEqualTo("oidc-auth-server-url");
        assertThat(env(container, "QUARKUS_OIDC_CLIENT_ID").getValue()).isEqualTo("sluice-console");
        Map<String, String> apis = Map.of("SLUICE_CONSOLE_SERVICES_AUTH", "auth-service",
                "SLUICE_CONSOLE_SERVICES_RECORDING", "recording-service", "SLUICE_CONSOLE_SERVICES_SIMULCAST", "simulcast-service");
        apis.forEach((variable, api) -> {
            assertThat(env(container, variable).getValue()).isEqualTo("http://" + api);
            assertThat(named(folder, Service.class, api).getSpec().getPorts()).anySatisfy(p -> assertThat(p.getPort()).isEqualTo(80));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void theConsoleIsReachableFromTheIngressOnlyAndReachesOnlyTheApisAndTheIdentityProvider(String folder) {
        List<NetworkPolicy> policies = all(folder, NetworkPolicy.class);
        Map<String, String> console = podTemplates(folder).get("console").getMetadata().getLabels();
        // Into the console: the ingress controller (and Prometheus for metrics), never a pod or anywhere.
        Set<String> sources = new TreeSet<>();
        policies.stream().filter(p -> p.getSpec().getIngress() != null && matches(p.getSpec().getPodSelector(), console))
                .flatMap(p -> p.getSpec().getIngress().stream())
                .forEach(rule -> {
                    assertThat(rule.getFrom()).isNotEmpty();
                    rule.getFrom().forEach(peer -> {
                        assertThat(peer.getPodSelector()).as("a pod source").isNull();
                        assertThat(peer.getIpBlock()).as("an address source").isNull();
                        sources.add(peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"));
                    });
                });
        assertThat(sources).containsExactlyInAnyOrder("ingress-nginx", "monitoring");
        // Into each API from the console's pods, on the API's port.
        CONSOLE_APIS.forEach((api, port) -> assertThat(policies.stream()
                .filter(p -> p.getSpec().getIngress() != null && matches(p.getSpec().getPodSelector(), podTemplates(folder).get(api).getMetadata().getLabels()))
                .flatMap(p -> p.getSpec().getIngress().stream())
                .filter(rule -> rule.getFrom() != null && rule.getFrom().stream()
                        .anyMatch(peer -> peer.getPodSelector() != null && peer.getNamespaceSelector() == null && matches(peer.getPodSelector(), console)))
                .flatMap(rule -> rule.getPorts().stream()))
                .as("console to " + api).anySatisfy(p -> assertThat(p.getPort().getIntVal()).isEqualTo(port)));
        // Out of the console: the APIs' pods and ports, DNS, HTTPS to the identity provider (dev: its Keycloak).
        List<NetworkPolicy> egress = policies.stream()
                .filter(p -> p.getSpec().getPolicyTypes().contains("Egress") && matches(p.getSpec().getPodSelector(), console)).toList();
        assertThat(egress).isNotEmpty();
        Set<Integer> ports = new TreeSet<>();
        egress.stream().flatMap(p -> p.getSpec().getEgress().stream()).forEach(rule -> {
            assertThat(rule.getPorts()).as("every way out names its ports").isNotEmpty();
            rule.getPorts().forEach(p -> ports.add(p.getPort().getIntVal()));
        });
        Set<Integer> expected = new TreeSet<>(CONSOLE_APIS.values());
        expected.addAll(List.of(53, 443));
        if (folder.equals("overlays/dev")) {
            expected.add(8180);
        }
        assertThat(ports).isEqualTo(expected);
    }

    private static ScaledObject.Trigger trigger(ScaledObject scaler, String type) {
        return scaler.spec().triggers().stream().filter(t -> t.type().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError(scaler.metadata().getName() + " has no " + type + " trigger"));
    }

    private static EnvVar env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no " + name));
    }

    /** A label selector's matchLabels and In/NotIn/Exists expressions against a pod's labels. */
    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        Map<String, String> have = Optional.ofNullable(labels).orElse(Map.of());
        boolean labelsMatch = Optional.ofNullable(selector.getMatchLabels()).orElse(Map.of()).entrySet().stream()
                .allMatch(e -> e.getValue().equals(have.get(e.getKey())));
        boolean expressionsMatch = Optional.ofNullable(selector.getMatchExpressions()).orElse(List.of()).stream()
                .allMatch(e -> matches(e, have));
        return labelsMatch && expressionsMatch;
    }

    private static boolean matches(LabelSelectorRequirement requirement, Map<String, String> labels) {
        String value = labels.get(requirement.getKey());
        Set<String> values = new HashSet<>(Optional.ofNullable(requirement.getValues()).orElse(List.of()));
        return switch (requirement.getOperator()) {
            case "In" -> value != null && values.contains(value);
            case "NotIn" -> value == null || !values.contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> throw new AssertionError("unknown selector operator " + requirement.getOperator());
        };
    }
}

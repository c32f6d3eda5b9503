package io.sluice.ingest.config;

import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * This instance's id. It names the instance in events, logs and its Kafka client id, tells its sessions from
 * other instances' (a takeover by another instance, the sessions a restart must end as lost), so it must be
 * unique per running process: two instances with one id would not see each other's publishers, and one's
 * start would end the other's live sessions as lost. The configured id comes first; on Kubernetes (a
 * StatefulSet) it is the pod name, which also survives a restart, so the restarted pod ends what it left
 * open; elsewhere the host name with a random suffix, unique even for two instances on one host.
 */
@Singleton
public class InstanceId {

    private static final int SUFFIX_LENGTH = 6;
    private static final String SUFFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final String value;

    InstanceId(IngestConfig config) {
        this.value = resolve(config.instanceId(), System.getenv(), hostName(), new SecureRandom());
    }

    public String value() {
        return value;
    }

    static String resolve(Optional<String> configured, Map<String, String> env, String hostName, RandomGenerator random) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            return configured.get();
        }
        String podName = env.get("HOSTNAME");
        if (env.containsKey("KUBERNETES_SERVICE_HOST") && podName != null && !podName.isBlank()) {
            return podName;
        }
        StringBuilder id = new StringBuilder(hostName).append('-');
        for (int i = 0; i < SUFFIX_LENGTH; i++) {
            id.append(SUFFIX_ALPHABET.charAt(random.nextInt(SUFFIX_ALPHABET.length())));
        }
        return id.toString();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "ingest";
        }
    }
}

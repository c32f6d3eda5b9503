package io.sluice.e2e;

import io.sluice.stack.ServiceCatalog;
import io.sluice.stack.Stack;
import io.sluice.stack.StackSettings;
import io.sluice.stack.component.Ports;
import io.sluice.stack.component.QuarkusService;
import java.util.Map;

/** An ingest instance beside the stack's own, on its Kafka, with ports of its own: for what instances do to each other. */
record IngestInstance(QuarkusService service, int rtmpPort) {

    static IngestInstance of(Stack stack, String name, Map<String, String> environment) {
        StackSettings settings = stack.settings()
                .with("ingest.port", Integer.toString(Ports.free()))
                .with("ingest.rtmp-port", Integer.toString(Ports.free()))
                .with("ingest.rtmps-port", Integer.toString(Ports.free()));
        return new IngestInstance(ServiceCatalog.ingestInstance(settings, stack.endpoints(), name, environment),
                settings.port("ingest.rtmp-port"));
    }

    String url(String key) {
        return "rtmp://localhost:" + rtmpPort + "/live/" + key;
    }
}

package io.sluice.console.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.console.config.ConsoleConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.http.HttpClient;

/** One HTTP client for the console, one {@link ServiceClient} per service. */
@ApplicationScoped
public class ServiceClients {

    private final ServiceClient auth;
    private final ServiceClient recording;
    private final ServiceClient simulcast;

    ServiceClients(ObjectMapper json, ConsoleConfig config) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(config.calls().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.auth = new ServiceClient("auth-service", config.services().auth(), http, json, config.calls());
        this.recording = new ServiceClient("recording-service", config.services().recording(), http, json, config.calls());
        this.simulcast = new ServiceClient("simulcast-service", config.services().simulcast(), http, json, config.calls());
    }

    public ServiceClient auth() {
        return auth;
    }

    public ServiceClient recording() {
        return recording;
    }

    public ServiceClient simulcast() {
        return simulcast;
    }
}

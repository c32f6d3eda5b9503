package io.sluice.console.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.console.config.ConsoleConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;

/**
 * Calls one service's API with the signed-in user's bearer token, exactly as any other client would: the
 * service checks the token, the tenant and the role itself. Answers are read up to a bound, errors become
 * {@link ApiException} (the service answered) or {@link ServiceUnreachableException} (it did not).
 */
public final class ServiceClient {

    private final String service;
    private final URI base;
    private final HttpClient http;
    private final ObjectMapper json;
    private final ConsoleConfig.Calls limits;

    public ServiceClient(String service, URI base, HttpClient http, ObjectMapper json, ConsoleConfig.Calls limits) {
        this.service = service;
        this.base = base;
        this.http = http;
        this.json = json;
        this.limits = limits;
    }

    public String service() {
        return service;
    }

    public <T> T get(String path, String token, JavaType type) {
        return send(request(path, token).GET(), type);
    }

    public <T> T post(String path, String token, Object body, JavaType type) {
        return send(request(path, token).POST(jsonBody(body)).header("Content-Type", "application/json"), type);
    }

    public <T> T patch(String path, String token, Object body, JavaType type) {
        return send(request(path, token).method("PATCH", jsonBody(body)).header("Content-Type", "application/json"), type);
    }

    public void delete(String path, String token) {
        send(request(path, token).DELETE(), null);
    }

    /**
     * A large body passed through as it comes (a recording's MP4): the caller closes it. Only the time to the
     * first byte is bounded; the transfer takes as long as it takes.
     */
    public HttpResponse<InputStream> stream(String path, String token) {
        HttpResponse<InputStream> response = exchange(request(path, token).GET());
        if (response.statusCode() >= 400) {
            try (InputStream body = response.body()) {
                throw new ApiException(service, response.statusCode(), problem(body.readNBytes(limits.maxAnswerBytes())));
            } catch (IOException e) {
                throw new ServiceUnreachableException(service, e.getMessage(), e);
            }
        }
        return response;
    }

    public JavaType type(Class<?> type) {
        return json.getTypeFactory().constructType(type);
    }

    public JavaType type(Class<?> generic, Class<?> parameter) {
        return json.getTypeFactory().constructParametricType(generic, parameter);
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(limits.timeout())
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", "Bearer " + token);
    }

    private HttpRequest.BodyPublisher jsonBody(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write a request body", e);
        }
    }

    private <T> T send(HttpRequest.Builder request, JavaType type) {
        HttpResponse<InputStream> response = exchange(request);
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(limits.maxAnswerBytes() + 1);
        } catch (IOException e) {
            throw new ServiceUnreachableException(service, e.getMessage(), e);
        }
        if (body.length > limits.maxAnswerBytes()) {
            throw new ServiceUnreachableException(service, "an answer larger than " + limits.maxAnswerBytes() + " bytes", null);
        }
        if (response.statusCode() >= 400) {
            throw new ApiException(service, response.statusCode(), problem(body));
        }
        if (type == null || body.length == 0) {
            return null;
        }
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new ServiceUnreachableException(service, "an answer that is not its API's JSON", e);
        }
    }

    private HttpResponse<InputStream> exchange(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new ServiceUnreachableException(service, "no answer within " + limits.timeout(), e);
        } catch (IOException e) {
            throw new ServiceUnreachableException(service, String.valueOf(e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnreachableException(service, "interrupted", e);
        }
    }

    private ApiProblem problem(byte[] body) {
        try {
            return body.length == 0 ? null : json.readValue(body, ApiProblem.class);
        } catch (IOException e) {
            return null;
        }
    }
}

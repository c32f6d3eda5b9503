package io.sluice.console.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiExceptionTest {

    @Test
    void fieldErrorsAreNamedOneByOne() {
        ApiProblem problem = new ApiProblem("urn:sluice:problem:validation", "The request is not valid", 400, "ignored",
                List.of(new ApiProblem.FieldError("name", "must not be blank"),
                        new ApiProblem.FieldError("reconnect_window_seconds", "must be less than or equal to 1800")));

        assertThat(new ApiException("auth-service", 400, problem).sentence())
                .isEqualTo("name: must not be blank; reconnect_window_seconds: must be less than or equal to 1800.");
    }

    @Test
    void otherwiseTheServicesDetailIsTheSentence() {
        ApiProblem problem = new ApiProblem("urn:sluice:problem:forbidden", "Forbidden", 403,
                "Changing a live stream needs the streamer role", null);

        assertThat(new ApiException("auth-service", 403, problem).sentence())
                .isEqualTo("Changing a live stream needs the streamer role.");
    }

    @Test
    void anAnswerWithoutProblemDocumentNamesTheServiceAndStatus() {
        ApiException e = new ApiException("recording-service", 502, null);

        assertThat(e.sentence()).isEqualTo("recording-service answered HTTP 502.");
        assertThat(e.notFound()).isFalse();
        assertThat(new ApiException("auth-service", 404, null).notFound()).isTrue();
    }
}

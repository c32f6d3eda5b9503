package io.sluice.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SameOriginFilterTest {

    @ParameterizedTest
    @CsvSource({
            "http://localhost:8084, localhost:8084, true",
            "https://console.example.com, console.example.com, true",
            "http://LOCALHOST:8084, localhost:8084, true",
            "http://localhost:8085, localhost:8084, false",
            "https://evil.example, console.example.com, false",
            "http://console.example.com.evil.example, console.example.com, false",
            "null, localhost:8084, false",
            "'not a uri with spaces', localhost:8084, false"})
    void onlyTheConsolesOwnOriginMayChangeAnything(String origin, String host, boolean accepted) {
        assertThat(SameOriginFilter.sameHost(origin, host)).isEqualTo(accepted);
    }
}

package io.sluice.ingest.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressRangesTest {

    @ParameterizedTest(name = "{1} in {0}: {2}")
    @CsvSource({
            "10.0.0.0/8, 10.255.1.2, true",
            "10.0.0.0/8, 11.0.0.1, false",
            "192.168.4.0/22, 192.168.7.255, true",
            "192.168.4.0/22, 192.168.8.0, false",
            "203.0.113.7, 203.0.113.7, true",
            "203.0.113.7, 203.0.113.8, false",
            "0.0.0.0/0, 198.51.100.1, true",
            "2001:db8::/32, 2001:db8:ffff::1, true",
            "2001:db8::/32, 2001:db9::1, false",
            "10.0.0.0/8, ::ffff:10.1.2.3, true",
            "10.0.0.0/8, 2001:db8::1, false",
            "2001:db8::/32, 10.0.0.1, false",
            "127.0.0.1/32, localhost, false"})
    void contains(String range, String address, boolean expected) {
        assertThat(AddressRanges.parse(List.of(range)).contains(address)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lb.example.com", "10.0.0.0/33", "2001:db8::/129", "10.0.0.0/-1", "10.0.0.0/x", ""})
    void refusesWhatIsNoLiteralRange(String spec) {
        assertThatThrownBy(() -> AddressRanges.parse(List.of(spec))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(spec);
    }
}

package io.sluice.simulcast.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Target URLs as the platforms give them, and the addresses a target may not be at. */
class TargetUrlTest {

    @Test
    void theGreatPlatformsUrlsAreTaken() {
        TargetUrl youtube = TargetUrl.parse("rtmps://a.rtmps.youtube.com/live2");
        assertThat(youtube).isEqualTo(new TargetUrl(true, "a.rtmps.youtube.com", 443, "live2",
                "rtmps://a.rtmps.youtube.com/live2"));
        TargetUrl facebook = TargetUrl.parse("rtmps://live-api-s.facebook.com:443/rtmp/");
        assertThat(facebook.app()).isEqualTo("rtmp");
        assertThat(facebook.tcUrl()).isEqualTo("rtmps://live-api-s.facebook.com:443/rtmp");
        TargetUrl twitch = TargetUrl.parse("rtmp://live.twitch.tv/app");
        assertThat(twitch.port()).isEqualTo(1935);
        assertThat(twitch.tls()).isFalse();
    }

    @Test
    void anythingElseIsRefusedWithTheReason() {
        assertThatThrownBy(() -> TargetUrl.parse("https://a.example/live")).hasMessageContaining("rtmp://");
        assertThatThrownBy(() -> TargetUrl.parse("rtmp://a.example")).hasMessageContaining("application");
        assertThatThrownBy(() -> TargetUrl.parse("rtmp://user:pw@a.example/live")).hasMessageContaining("user info");
        assertThatThrownBy(() -> TargetUrl.parse("rtmp://a.example/live?key=1")).hasMessageContaining("query");
        assertThatThrownBy(() -> TargetUrl.parse("rtmp://a.example/li ve")).hasMessageContaining("spaces");
    }

    @Test
    void internalAddressesAreRefusedUnlessAllowed() throws Exception {
        AddressPolicy production = new AddressPolicy(false);
        for (String internal : new String[] {"127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254",
                "100.64.1.1", "0.0.0.0", "::1", "fd12::1", "fe80::1", "224.0.0.1"}) {
            assertThat(production.allows(InetAddress.getByName(internal))).as(internal).isFalse();
        }
        assertThat(production.allows(InetAddress.getByName("142.250.1.1"))).isTrue();
        assertThat(production.allows(InetAddress.getByName("2a00:1450::1"))).isTrue();
        assertThat(new AddressPolicy(true).allows(InetAddress.getByName("127.0.0.1"))).isTrue();
    }
}

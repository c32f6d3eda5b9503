package io.sluice.e2e.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.stack.Stack;
import io.sluice.stack.component.QuarkusService;
import io.sluice.testkit.DemoUser;
import io.sluice.testkit.Ffmpeg;
import io.sluice.testkit.NginxRtmpTarget;
import io.sluice.testkit.TestMedia;
import io.sluice.testkit.TestStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The console in a real Chromium against the packaged services: signing in on Keycloak's page, creating a
 * stream, publishing with ffmpeg over RTMPS with the key read from the page, watching it go live and play,
 * send it on to an nginx-rtmp simulcast target added on the page and see the target broadcast, then its recording;
 * what a read-only user and another tenant see; and, with simulcast-service stopped, a page that says simulcast is
 * unavailable and works otherwise.
 */
class ConsoleIT {

    private static final Duration LIVE_WITHIN = Duration.ofSeconds(30);
    private static final Duration RECORDING_WITHIN = Duration.ofSeconds(90);

    private static Stack stack;
    private static List<QuarkusService> services;
    private static String consoleUrl;
    private static String authUrl;
    private static QuarkusService simulcast;

    @BeforeAll
    static void startServices() {
        stack = TestStack.get().stack();
        simulcast = service("simulcast");
        services = List.of(service("auth"), service("ingest"), service("recording"), simulcast, service("console"));
        services.forEach(QuarkusService::up);
        consoleUrl = service("console").url();
        authUrl = service("auth").url();
    }

    @AfterAll
    static void stopServices() {
        services.reversed().forEach(QuarkusService::down);
    }

    @Test
    void aStreamerGoesLiveWatchesSimulcastsAndFindsTheRecording(@TempDir Path folder) {
        try (ConsoleBrowser browser = ConsoleBrowser.open(consoleUrl).signIn(DemoUser.ALICE)) {
            assertThat(browser.find("who").getText()).isEqualTo("alice");
            assertThat(browser.find("tenant").getText()).isEqualTo("acme");
            assertThat(browser.present("read-only")).isFalse();

            browser.find("name").sendKeys("Console go-live");
            WebElement window = browser.find("reconnect");
            window.clear();
            window.sendKeys("0");
            browser.find("create").click();

            browser.await(Duration.ofSeconds(10), d -> browser.present("stream-key"));
            assertThat(browser.find("stream-name").getText()).isEqualTo("Console go-live");
            String server = browser.find("server-url").getAttribute("value");
            String key = browser.find("stream-key").getAttribute("value");
            assertThat(server).isEqualTo("rtmps://localhost:" + stack.settings().get("ingest.rtmps-port") + "/live");
            assertThat(key).startsWith("sluice_sk_").hasSize(53);
            assertThat(browser.find("ffmpeg-command").getAttribute("value")).contains("\"" + server + "/" + key + "\"");
            String id = browser.all("[data-stream]").getFirst().getAttribute("data-stream");
            assertThat(browser.driver().getCurrentUrl()).as("the address is the stream's, not the form's")
                    .isEqualTo(consoleUrl + "/streams/" + id);

            try (NginxRtmpTarget nginx = NginxRtmpTarget.rtmp(folder.resolve("nginx"));
                    Ffmpeg ffmpeg = Ffmpeg.publishLive(TestMedia.testsrcClip(), server + "/" + key)) {
                browser.await(LIVE_WITHIN, d -> "active".equals(browser.find("stream-status").getAttribute("data-status")));
                browser.awaitPlaying(LIVE_WITHIN, 2.0);
                assertThat((String) browser.script("return document.getElementById('player').src;"))
                        .as("played by hls.js through Media Source Extensions").startsWith("blob:");
                browser.await(LIVE_WITHIN, d -> browser.find("stat-resolution").getText().equals("320 × 240"));
                assertThat(browser.text("stat-protocol")).startsWith("RTMPS over TLSv1.");
                assertThat(browser.text("stat-codecs")).startsWith("avc1, mp4a");

                browser.find("target-url").sendKeys(nginx.rtmpUrl());
                browser.find("target-key").sendKeys("console-target-key-" + id);
                browser.find("add-target-button").click();
                String target = "#targets-panel [data-target-status]";
                browser.await(Duration.ofSeconds(10), d -> !browser.all(target).isEmpty());
                assertThat(browser.find("targets-panel").getText()).as("the key masked").contains("****")
                        .doesNotContain("console-target-key-");
                browser.await(LIVE_WITHIN, d -> "broadcasting".equals(browser.all(target).getFirst()
                        .getAttribute("data-target-status")));
                browser.awaitPlaying(LIVE_WITHIN, 2.0);
                browser.screenshot("stream-live", 1280, 2200);
            }

            browser.await(RECORDING_WITHIN, d -> !browser.all("#recordings-panel tr[data-recording-status=ready]").isEmpty());
            assertThat(browser.attribute("stream-status", "data-status")).isEqualTo("idle");
            String ready = "#recordings-panel tr[data-recording-status=ready]";
            String download = browser.await(Duration.ofSeconds(10), d -> browser.all(ready).getFirst()
                    .findElement(By.linkText("Download MP4")).getAttribute("href"));
            browser.await(Duration.ofSeconds(10), d -> {
                browser.all(ready).getFirst().findElement(By.cssSelector("button.play")).click();
                return true;
            });
            browser.awaitPlaying(LIVE_WITHIN, 1.0);
            Object mp4 = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.status + ' ' + r.headers.get('content-type')
                      + ' ' + new TextDecoder().decode(new Uint8Array(b, 4, 4)))));""", download);
            assertThat(mp4).isEqualTo("200 video/mp4 ftyp");

            browser.driver().navigate().refresh();
            assertThat(browser.present("stream-key")).as("the key is shown once only").isFalse();
            assertThat(browser.find("stream-key-hidden").getText()).contains("Hidden");
        }
    }

    @Test
    void rotatingTheKeyAsksFirstThenShowsTheNewKeyOnce() {
        String id = createStream(DemoUser.ALICE, "Console rotation");
        try (ConsoleBrowser browser = ConsoleBrowser.open(consoleUrl).signIn(DemoUser.ALICE)) {
            browser.go("/streams/" + id);
            assertThat(browser.present("stream-key")).isFalse();
            assertThat(browser.present("simulcast-unavailable")).isFalse();
            browser.screenshot("stream-idle-phone", 390, 2900);

            browser.find("rotate-key").click();
            Alert question = browser.await(Duration.ofSeconds(5), ExpectedConditions.alertIsPresent());
            assertThat(question.getText()).contains("cut off");
            question.dismiss();
            assertThat(browser.present("stream-key")).as("dismissed: nothing rotated").isFalse();

            browser.find("rotate-key").click();
            browser.await(Duration.ofSeconds(5), ExpectedConditions.alertIsPresent()).accept();
            browser.await(Duration.ofSeconds(10), d -> browser.present("stream-key"));
            assertThat(browser.find("stream-key").getAttribute("value")).startsWith("sluice_sk_");
            assertThat(browser.find("notice").getText()).contains("rotated");

            browser.find("disable").click();
            browser.await(Duration.ofSeconds(5), ExpectedConditions.alertIsPresent()).accept();
            browser.await(Duration.ofSeconds(10), d -> browser.present("enable"));
            assertThat(browser.attribute("stream-status", "data-status")).isEqualTo("disabled");
            browser.find("enable").click();
            browser.await(Duration.ofSeconds(10), d -> browser.present("disable"));
        }
    }

    @Test
    void aReadOnlyUserSeesTheStreamsAndNoButtonToChangeThemThenSignsOut() {
        String id = createStream(DemoUser.ALICE, "Console read-only");
        try (ConsoleBrowser browser = ConsoleBrowser.open(consoleUrl).signIn(DemoUser.VICTOR)) {
            assertThat(browser.find("tenant").getText()).isEqualTo("acme");
            assertThat(browser.present("read-only")).isTrue();
            assertThat(browser.present("create")).isFalse();
            assertThat(browser.all("tr[data-stream-id='" + id + "']")).hasSize(1);

            browser.go("/streams/" + id);
            assertThat(browser.find("stream-name").getText()).isEqualTo("Console read-only");
            assertThat(browser.find("server-url").getAttribute("value")).startsWith("rtmps://");
            for (String button : List.of("rotate-key", "disable", "enable", "delete", "add-target", "manage")) {
                assertThat(browser.present(button)).as(button).isFalse();
            }
            assertThat(browser.all("form[method=post]")).isEmpty();

            browser.driver().findElement(By.linkText("Sign out")).click();
            browser.await(Duration.ofSeconds(20), d -> d.getCurrentUrl().startsWith(consoleUrl + "/signed-out"));
            browser.go("/streams/" + id);
            browser.await(Duration.ofSeconds(20), d -> !d.findElements(By.id("username")).isEmpty());
        }
    }

    @Test
    void anotherTenantsStreamIsNotFoundEvenByItsUrl() {
        String id = createStream(DemoUser.ALICE, "Console acme only");
        try (ConsoleBrowser browser = ConsoleBrowser.open(consoleUrl).signIn(DemoUser.BOB)) {
            assertThat(browser.find("tenant").getText()).isEqualTo("globex");
            assertThat(browser.all("tr[data-stream-id='" + id + "']")).isEmpty();

            browser.go("/streams/" + id);
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
            assertThat(browser.present("stream-name")).isFalse();
            browser.go("/streams/" + id + "/live");
            assertThat(browser.driver().getPageSource()).doesNotContain("Console acme only");
        }
    }

    @Test
    void anUnreachableSimulcastServiceIsSaidAndTheRestOfThePageWorks() {
        String id = createStream(DemoUser.ALICE, "Console without simulcast");
        simulcast.down();
        try (ConsoleBrowser browser = ConsoleBrowser.open(consoleUrl).signIn(DemoUser.ALICE)) {
            browser.go("/streams/" + id);
            assertThat(browser.find("simulcast-unavailable").getText()).startsWith("Simulcast unavailable")
                    .contains("simulcast-service cannot be reached");
            assertThat(browser.attribute("stream-status", "data-status")).isEqualTo("idle");
            assertThat(browser.present("recordings-unavailable")).isFalse();
        } finally {
            simulcast.up();
        }
    }

    @Test
    void theListShowsAStreamGoingLiveWithoutAReload() {
        Map<String, String> stream = createStreamWithKey(DemoUser.ALICE, "Console list");
        try (ConsoleBrowser browser = ConsoleBrowser.open(consoleUrl).signIn(DemoUser.ALICE)) {
            String status = "tr[data-stream-id='" + stream.get("id") + "'] [data-status]";
            String listed = browser.await(Duration.ofSeconds(5),
                    d -> browser.all(status).getFirst().getAttribute("data-status"));
            assertThat(listed).isEqualTo("idle");
            try (Ffmpeg ffmpeg = Ffmpeg.publishLive(TestMedia.testsrcClip(), stream.get("server") + "/" + stream.get("key"))) {
                browser.await(LIVE_WITHIN, d -> "active".equals(browser.all(status).getFirst().getAttribute("data-status")));
                browser.screenshot("streams", 1280, 900);
            }
        }
    }

    private static String createStream(DemoUser user, String name) {
        return createStreamWithKey(user, name).get("id");
    }

    private static Map<String, String> createStreamWithKey(DemoUser user, String name) {
        var created = given().baseUri(authUrl).auth().oauth2(user.accessToken()).contentType("application/json")
                .body(Map.of("name", name, "reconnect_window_seconds", 0))
                .when().post("/v1/live-streams")
                .then().statusCode(201).extract().jsonPath();
        return Map.of("id", created.getString("id"), "key", created.getString("stream_key"),
                "server", created.getString("ingest.rtmps_url"));
    }

    private static QuarkusService service(String name) {
        return stack.services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}

package io.sluice.recording.support;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.sluice.testkit.DemoUser;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** A recording's MP4 download, as its owner fetches it from the service under test. */
public final class Mp4Downloads {

    private Mp4Downloads() {
    }

    /** Downloads {@code recording}'s {@code mp4_url} into {@code file}, which is returned. */
    public static Path fetch(JsonPath recording, DemoUser owner, Path file) throws IOException {
        byte[] mp4 = given().auth().oauth2(Tokens.of(owner)).when()
                .get(URI.create(recording.getString("mp4_url")).getPath())
                .then().statusCode(200).contentType("video/mp4").extract().asByteArray();
        return Files.write(file, mp4);
    }
}

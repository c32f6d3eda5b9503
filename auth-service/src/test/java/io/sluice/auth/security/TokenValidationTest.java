package io.sluice.auth.security;

import static io.sluice.auth.support.Api.withToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.sluice.auth.support.Db;
import io.sluice.auth.support.Tokens;
import io.sluice.testkit.DemoUser;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real tokens from the realm that are wrong in one way each: expired, for another audience, signed by
 * another key, or with a tenant claim the API cannot use. Each is checked to be otherwise as good as a
 * demo user's, so that the refusal can only come from what is wrong with it.
 */
@QuarkusTest
class TokenValidationTest {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    @Test
    void anExpiredTokenIsUnauthorized() throws InterruptedException {
        String token = Tokens.fromTestClient("sluice-test-short-lived", DemoUser.ALICE);
        Map<String, Object> claims = Tokens.claims(token);
        assertThat(claims).containsEntry("tenant", "acme");
        assertThat(audiences(claims)).contains("sluice-api");
        long expires = ((Number) claims.get("exp")).longValue();
        assertThat(expires - ((Number) claims.get("iat")).longValue()).isEqualTo(5);
        withToken(token).when().get("/v1/me").then().statusCode(200).body("tenant", equalTo("acme"));

        while (Instant.now().getEpochSecond() <= expires) {
            Thread.sleep(200);
        }

        withToken(token).when().get("/v1/me")
                .then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sluice:problem:unauthorized"));
        assertRefusedEverywhere(token);
    }

    @Test
    void aTokenForAnotherAudienceIsUnauthorized() {
        String token = Tokens.fromTestClient("sluice-test-other-audience", DemoUser.ALICE);
        Map<String, Object> claims = Tokens.claims(token);
        assertThat(claims).containsEntry("tenant", "acme").containsEntry("preferred_username", "alice");
        assertThat(audiences(claims)).doesNotContain("sluice-api");

        assertRefusedEverywhere(token);
    }

    /** Alice's real token, signed again in ways an attacker could try. */
    static Stream<Arguments> forgeries() throws GeneralSecurityException {
        KeyPair attacker = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        RSAPublicKey publicKey = (RSAPublicKey) attacker.getPublic();
        String jwk = "{\"kty\":\"RSA\",\"n\":\"" + unsigned(publicKey.getModulus()) + "\",\"e\":\""
                + unsigned(publicKey.getPublicExponent()) + "\"}";
        return Stream.of(
                Arguments.of("another key, the realm key's kid", attacker, null),
                Arguments.of("another key, sent along in the header", attacker, "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"jwk\":" + jwk + "}"),
                Arguments.of("no signature (alg none)", null, "{\"alg\":\"none\",\"typ\":\"JWT\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void aTokenSignedByAnotherKeyIsUnauthorized(String what, KeyPair key, String header) throws GeneralSecurityException {
        String[] real = Tokens.of(DemoUser.ALICE).split("\\.");
        String signedPart = (header == null ? real[0] : encode(header)) + "." + real[1];
        String signature = "";
        if (key != null) {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key.getPrivate());
            rsa.update(signedPart.getBytes(StandardCharsets.US_ASCII));
            signature = BASE64URL.encodeToString(rsa.sign());
        }
        String forged = signedPart + "." + signature;

        withToken(Tokens.of(DemoUser.ALICE)).when().get("/v1/me").then().statusCode(200);
        assertRefusedEverywhere(forged);
    }

    @Test
    void aTenantClaimThatIsAListIsRefused() {
        String token = Tokens.fromTestClient("sluice-test-tenant-list", DemoUser.ALICE);
        assertThat(Tokens.claims(token).get("tenant")).isEqualTo(List.of("acme"));
        assertThat(audiences(Tokens.claims(token))).contains("sluice-api");

        assertInvalidTenant(token);
    }

    @Test
    void aTenantClaimLongerThanTheColumnIsRefused() {
        String token = Tokens.fromTestClient("sluice-test-tenant-too-long", DemoUser.ALICE);
        assertThat(Tokens.claims(token).get("tenant")).asString().hasSize(129);

        assertInvalidTenant(token);
    }

    @Test
    void aSubjectLongerThanTheCreatorColumnIsRefused() {
        String token = Tokens.fromTestClient("sluice-test-subject-too-long", DemoUser.ALICE);
        assertThat(Tokens.claims(token).get("upn")).asString().hasSize(256);

        long streams = (Long) Db.query("select count(*) as n from live_stream").getFirst().get("n");
        withToken(token).when().get("/v1/me")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sluice:problem:invalid-subject"));
        withToken(token).body(Map.of("name", "whose?")).when().post("/v1/live-streams")
                .then().statusCode(403).body("type", equalTo("urn:sluice:problem:invalid-subject"));
        assertThat(Db.query("select count(*) as n from live_stream").getFirst().get("n")).isEqualTo(streams);
    }

    private static void assertInvalidTenant(String token) {
        long streams = (Long) Db.query("select count(*) as n from live_stream").getFirst().get("n");
        withToken(token).when().get("/v1/me")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sluice:problem:invalid-tenant"));
        withToken(token).when().get("/v1/live-streams")
                .then().statusCode(403).body("type", equalTo("urn:sluice:problem:invalid-tenant"));
        withToken(token).body(Map.of("name", "whose?")).when().post("/v1/live-streams")
                .then().statusCode(403).body("type", equalTo("urn:sluice:problem:invalid-tenant"));
        assertThat(Db.query("select count(*) as n from live_stream").getFirst().get("n")).isEqualTo(streams);
    }

    private static void assertRefusedEverywhere(String token) {
        long streams = (Long) Db.query("select count(*) as n from live_stream").getFirst().get("n");
        withToken(token).when().get("/v1/me").then().statusCode(401)
                .body("type", equalTo("urn:sluice:problem:unauthorized"));
        withToken(token).when().get("/v1/live-streams").then().statusCode(401)
                .body("type", equalTo("urn:sluice:problem:unauthorized"));
        withToken(token).body(Map.of("name", "forged")).when().post("/v1/live-streams").then().statusCode(401)
                .body("type", equalTo("urn:sluice:problem:unauthorized"));
        assertThat(Db.query("select count(*) as n from live_stream").getFirst().get("n")).isEqualTo(streams);
    }

    @SuppressWarnings("unchecked")
    private static List<String> audiences(Map<String, Object> claims) {
        Object aud = claims.get("aud");
        return aud instanceof List<?> list ? (List<String>) list : aud == null ? List.of() : List.of((String) aud);
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int skip = bytes[0] == 0 ? 1 : 0;
        return BASE64URL.encodeToString(Arrays.copyOfRange(bytes, skip, bytes.length));
    }
}

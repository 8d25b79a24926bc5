package org.rectify.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.digest.Sha512HashDigest;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.junit.jupiter.api.Test;
import org.rectify.support.ProblemAssertions;
import org.rectify.support.RectifyIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Sign-in throttling (test profile: 5 free failures per account, then a lock of 1 s doubling to 2 s) and passwords. */
@RectifyIntegrationTest
class SignInThrottleIntegrationTests {

    private static final String PASSWORD = "three hares by the green pond";
    private static final AtomicInteger ADDRESSES = new AtomicInteger(10);

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identityService;
    @Autowired
    JdbcClient jdbc;

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneWaitsAndWorksAgainWhenTheLockExpires() {
        String user = newAccount();
        String address = newAddress();
        for (int i = 0; i < 6; i++) {
            assertThat(basic(user, "wrong password " + i, address).getStatusCode().value()).isEqualTo(401);
        }
        ResponseEntity<JsonNode> throttled = basic(user, PASSWORD, address);
        ProblemAssertions.assertProblem(throttled, 429, "秒后再试");
        assertThat(Long.parseLong(throttled.getHeaders().getFirst("Retry-After"))).isBetween(1L, 2L);
        // The lock is per account: another address is refused too.
        assertThat(basic(user, PASSWORD, newAddress()).getStatusCode().value()).isEqualTo(429);

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> basic(user, PASSWORD, address).getStatusCode().value() == 200);
        // A success clears the account's count: one more mistake is not locked at once.
        assertThat(basic(user, "one more mistake", address).getStatusCode().value()).isEqualTo(401);
        assertThat(basic(user, PASSWORD, address).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void aLockedAccountIsRefusedAtEveryDoorAndCamundasOwnPermanentLockIsOff() {
        String user = newAccount();
        String address = newAddress();
        for (int i = 0; i < 6; i++) {
            basic(user, "wrong " + i, address);
        }
        assertThat(exchange("/engine-rest/user/" + user + "/profile", user, PASSWORD, address).getStatusCode().value())
                .isEqualTo(429);
        assertThat(form("/console/login", user, PASSWORD, address).getStatusCode().value()).isEqualTo(429);
        ResponseEntity<String> webapp = form("/camunda/api/admin/auth/user/default/login/tasklist", user, PASSWORD, address);
        assertThat(webapp.getStatusCode().value()).isEqualTo(429);
        assertThat(webapp.getHeaders().getFirst("Retry-After")).isNotBlank();

        // Camunda would lock for good after 10 failures; here its own lock is off, the throttle alone decides.
        String other = newAccount();
        for (int i = 0; i < 12; i++) {
            assertThat(identityService.checkPassword(other, "wrong " + i)).isFalse();
        }
        assertThat(identityService.checkPassword(other, PASSWORD)).isTrue();
    }

    @Test
    void manyFailuresFromOneAddressLockThatAddressButNotOthers() {
        String user = newAccount();
        String address = newAddress();
        for (int i = 0; i < 31; i++) {
            basic("nobody-" + UUID.randomUUID(), "guess", address);
        }
        assertThat(basic(user, PASSWORD, address).getStatusCode().value()).isEqualTo(429);
        assertThat(basic(user, PASSWORD, newAddress()).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void aPasswordShorterThanTwelveCharactersOrACommonOneIsRefusedAndNewHashesAreBcrypt() {
        for (String weak : new String[] {"", "x", "short pass", "password1234", "Qwertyuiop123!", "1qaz2wsx3edc"}) {
            User user = identityService.newUser("weak-" + UUID.randomUUID().toString().substring(0, 8));
            user.setPassword(weak);
            assertThatThrownBy(() -> identityService.saveUser(user)).as(weak).isInstanceOf(ProcessEngineException.class);
        }
        String user = newAccount();
        assertThat(storedHash(user)).startsWith("{BCRYPT}$2");

        // Through Camunda's REST API too (Camunda Admin uses the same engine call).
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String id = "rest-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<String> created = rest.withBasicAuth("admin", "demo").exchange("/engine-rest/user/create",
                HttpMethod.POST, new HttpEntity<>("{\"profile\":{\"id\":\"" + id + "\"},\"credentials\":{\"password\":\"abc\"}}",
                        headers), String.class);
        assertThat(created.getStatusCode().is2xxSuccessful()).as("%s", created.getBody()).isFalse();
        assertThat(identityService.createUserQuery().userId(id).count()).isZero();
    }

    @Test
    void anOldSha512HashStillSignsInAndIsReplacedByBcrypt() {
        String user = newAccount();
        String salt = jdbc.sql("select salt_ from act_id_user where id_ = :id").param("id", user).query(String.class).single();
        String oldHash = "{SHA-512}" + new Sha512HashDigest().encrypt(EncryptionUtil.saltPassword(PASSWORD, salt));
        jdbc.sql("update act_id_user set pwd_ = :hash where id_ = :id").param("hash", oldHash).param("id", user).update();

        assertThat(basic(user, PASSWORD, newAddress()).getStatusCode().value()).isEqualTo(200);
        assertThat(storedHash(user)).startsWith("{BCRYPT}");
        assertThat(identityService.checkPassword(user, PASSWORD)).isTrue();
    }

    private String storedHash(String user) {
        return jdbc.sql("select pwd_ from act_id_user where id_ = :id").param("id", user).query(String.class).single();
    }

    private String newAccount() {
        String id = "throttle-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identityService.newUser(id);
        user.setFirstName("测试");
        user.setLastName("账号");
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
        identityService.createMembership(id, Roles.REPORTER);
        return id;
    }

    private static String newAddress() {
        return "198.51.100." + ADDRESSES.incrementAndGet();
    }

    private ResponseEntity<JsonNode> basic(String user, String password, String address) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Forwarded-For", address);
        return rest.withBasicAuth(user, password).exchange("/api/catalog/units", HttpMethod.GET,
                new HttpEntity<>(headers), JsonNode.class);
    }

    private ResponseEntity<String> exchange(String path, String user, String password, String address) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Forwarded-For", address);
        return rest.withBasicAuth(user, password).exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private ResponseEntity<String> form(String path, String user, String password, String address) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.set("X-Forwarded-For", address);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", password);
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    }
}

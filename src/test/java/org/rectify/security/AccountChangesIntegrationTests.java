package org.rectify.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.rectify.support.RectifyIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * The account and its groups are read afresh at every request (README, "Signing in"): a proved password is remembered
 * for a minute, the person's units and roles are not, so a change made in Camunda Admin counts from the next call.
 */
@RectifyIntegrationTest
class AccountChangesIntegrationTests {

    private static final String PASSWORD = "three hares by the green pond";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identityService;
    @Autowired
    CurrentUsers currentUsers;

    @Test
    void aPersonRemovedFromAGroupLosesItsRightsWithTheNextRequestAndAnAddedOneGainsThem() {
        String id = newAccount("测试", "管理员");
        // no group yet: signed in, but not an administrator
        assertThat(auditLog(id).getStatusCode().value()).isEqualTo(403);

        assertThat(engineRestTasks(id).getStatusCode().value()).isEqualTo(403);

        identityService.createMembership(id, Roles.ADMIN_GROUP);
        assertThat(auditLog(id).getStatusCode().value()).isEqualTo(200);
        assertThat(engineRestTasks(id).getStatusCode().value()).as("Camunda's own REST door").isEqualTo(200);

        identityService.deleteMembership(id, Roles.ADMIN_GROUP);
        // within the minute the proved password is remembered: the groups are still read again, at every door
        assertThat(auditLog(id).getStatusCode().value()).isEqualTo(403);
        assertThat(engineRestTasks(id).getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void aUnitHandlerIsTheUnitsAndTheNameIsFamilyNameFirst() {
        String id = newAccount("小明", "王");
        identityService.createMembership(id, "cgj");
        ResponseEntity<JsonNode> queue = rest.withBasicAuth(id, PASSWORD).getForEntity("/api/cases", JsonNode.class);
        assertThat(queue.getStatusCode().value()).isEqualTo(200);

        CurrentUser user = currentUsers.find(id).orElseThrow();
        assertThat(user.displayName()).isEqualTo("王小明");
        assertThat(user.unitCodes()).containsExactly("cgj");
        assertThat(user.groupIds()).containsExactly("cgj");
        assertThat(currentUsers.displayNames(java.util.List.of(id, "系统"))).containsExactly(java.util.Map.entry(id, "王小明"));

        identityService.deleteMembership(id, "cgj");
        assertThat(currentUsers.find(id).orElseThrow().unitCodes()).isEmpty();
        identityService.deleteUser(id);
        assertThat(currentUsers.find(id)).isEmpty();
        assertThat(rest.withBasicAuth(id, PASSWORD).getForEntity("/api/cases", String.class).getStatusCode().value())
                .as("a deleted account, its password still remembered").isEqualTo(401);
    }

    private ResponseEntity<String> auditLog(String user) {
        return rest.withBasicAuth(user, PASSWORD).getForEntity("/api/admin/audit?size=1", String.class);
    }

    private ResponseEntity<String> engineRestTasks(String user) {
        return rest.withBasicAuth(user, PASSWORD).getForEntity("/engine-rest/task?maxResults=1", String.class);
    }

    private String newAccount(String firstName, String lastName) {
        String id = "acct-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identityService.newUser(id);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
        return id;
    }
}

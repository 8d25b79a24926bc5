package org.rectify.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.support.ProblemAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.console.ConsoleSession;
import org.rectify.support.Api;
import org.rectify.support.RectifyIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/**
 * The campaign office and administrators keep the units' people whom a decision may name: through the API and the
 * console page; bad input is refused in Chinese and changes nothing; nobody is ever deleted.
 */
@RectifyIntegrationTest
class UnitPeopleIntegrationTests {

    private static final String PATH = "/api/admin/unit-people";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    Catalog catalog;
    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void theOfficeAddsCorrectsAndDeactivatesAPersonWhoIsThenNoLongerOfferedForDecisions() {
        String name = unique("李");
        JsonNode added = created(api.post("dispatcher", PATH, Map.of("unitCode", "sthjj", "name", name,
                "post", "分管负责人", "title", "副局长")));
        long id = added.get("id").asLong();
        assertThat(added.get("postLabel").asText()).isEqualTo("分管负责人");
        assertThat(added.get("unitName").asText()).isEqualTo(catalog.unitName("sthjj"));
        assertThat(catalog.people("sthjj")).extracting(UnitPerson::name).contains(name);

        JsonNode changed = ok(api.put("admin", PATH + "/" + id, Map.of("post", "PRINCIPAL", "title", "局长")));
        assertThat(changed.get("post").asText()).isEqualTo("PRINCIPAL");
        assertThat(changed.get("name").asText()).as("what is not sent stays").isEqualTo(name);

        JsonNode deactivated = ok(api.post("dispatcher", PATH + "/" + id + "/deactivation", null));
        assertThat(deactivated.get("active").asBoolean()).isFalse();
        assertThat(catalog.people("sthjj")).extracting(UnitPerson::name).doesNotContain(name);
        assertThat(ok(api.get("admin", PATH + "?unit=sthjj")).findValuesAsText("name")).doesNotContain(name);
        assertThat(ok(api.get("admin", PATH + "?unit=sthjj&includeInactive=true")).findValuesAsText("name"))
                .as("never deleted").contains(name);
        assertProblem(api.post("admin", PATH + "/" + id + "/deactivation", null), 409, "已停用");

        assertThat(ok(api.put("admin", PATH + "/" + id, Map.of("active", true))).get("active").asBoolean()).isTrue();
    }

    @Test
    void badInputIsRefusedInChineseAndChangesNothing() {
        int before = api.get("admin", PATH + "?includeInactive=true").getBody().size();

        assertProblem(api.post("admin", PATH, Map.of("unitCode", "cgj", "name", "王某", "post", "MAYOR")), 400, "职务“MAYOR”无效");
        assertProblem(api.post("admin", PATH, Map.of("unitCode", "nowhere", "name", "王某", "post", "DEPUTY")), 400, "单位“nowhere”不存在");
        assertProblem(api.post("admin", PATH, Map.of("unitCode", "cgj", "name", "  ", "post", "DEPUTY")), 400, "请填写姓名");
        assertProblem(api.post("admin", PATH, Map.of("unitCode", "cgj", "name", "王".repeat(51), "post", "DEPUTY")), 400, "不能超过 50 个字");
        assertProblem(api.post("admin", PATH, Map.of("name", "王某", "post", "DEPUTY")), 400, "请选择人员所在的单位");
        assertProblem(api.post("admin", PATH, "{"), 400, "");
        assertProblem(api.put("admin", PATH + "/987654321", Map.of("name", "王某")), 404, "不存在");

        String name = unique("赵");
        long id = created(api.post("admin", PATH, Map.of("unitCode", "zjj", "name", name, "post", "RESPONSIBLE"))).get("id").asLong();
        assertProblem(api.post("admin", PATH, Map.of("unitCode", "zjj", "name", name, "post", "具体责任人")), 409, "不能重复添加");
        assertProblem(api.put("admin", PATH + "/" + id, Map.of("unitCode", "cgj")), 400, "不能调到另一个单位");

        assertThat(api.get("admin", PATH + "?includeInactive=true").getBody().size()).isEqualTo(before + 1);
    }

    @Test
    void onlyTheCampaignOfficeAndAdministratorsKeepThePeople() {
        for (String user : new String[] {"supervisor", "discipline", "cgj-handler", "patrol"}) {
            assertProblem(api.get(user, PATH), 403, "无权");
            assertProblem(api.post(user, PATH, Map.of("unitCode", "cgj", "name", "王某", "post", "DEPUTY")), 403, "无权");
        }
        assertThat(ConsoleSession.signedIn(port, "cgj-handler").get("/console/unit-people").statusCode()).isEqualTo(403);
    }

    @Test
    void theConsolePageListsAddsAndDeactivates() {
        ConsoleSession session = ConsoleSession.signedIn(port, "dispatcher");
        String name = unique("周");

        session.submit("/console/unit-people", "/console/unit-people",
                Map.of("unitCode", "jjdd", "name", name, "post", "RESPONSIBLE", "title", "秩序中队队长"));
        String page = session.get("/console/unit-people?unit=jjdd").body();

        assertThat(page).contains(name, "具体责任人", "秩序中队队长").doesNotContain("RESPONSIBLE<");
        long id = catalog.people("jjdd").stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().id();
        session.submit("/console/unit-people?unit=jjdd", "/console/unit-people/" + id + "/deactivate",
                Map.of("unitCode", "jjdd"));
        assertThat(catalog.people("jjdd")).extracting(UnitPerson::name).doesNotContain(name);
        assertThat(session.get("/console/unit-people?unit=jjdd").body()).contains(name, "已停用");

        session.submit("/console/unit-people", "/console/unit-people",
                Map.of("unitCode", "jjdd", "name", "", "post", "RESPONSIBLE"));
        assertThat(session.get("/console/unit-people?unit=jjdd").body()).contains("请填写姓名");
    }

    private static String unique(String surname) {
        return surname + UUID.randomUUID().toString().substring(0, 6);
    }

    private static JsonNode ok(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
        return response.getBody();
    }

    private static JsonNode created(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
        return response.getBody();
    }
}

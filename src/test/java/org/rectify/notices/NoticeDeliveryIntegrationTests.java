package org.rectify.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.support.ProblemAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rectify.support.Api;
import org.rectify.support.RectifyIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notices reach real HTTP servers and a real SMTP server started here: once each, DingTalk's signed, batched within a
 * robot's rate, retried after a 500 with growing back-off, never twice with two senders, and never in a step's way.
 * Time is the engine's clock.
 */
@RectifyIntegrationTest
class NoticeDeliveryIntegrationTests {

    // the ladder of EscalationLadderIntegrationTests: NOISE/SERIOUS reported Friday 18 September 2026 (lead unit sthjj)
    static final String REPORTED = "2026-09-18T10:00:00+08:00";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Autowired
    TestRestTemplate rest;
    @Autowired
    NoticeSender sender;
    @Autowired
    Outbox outbox;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    Api api;
    final List<Receiver> receivers = new ArrayList<>();
    final List<Long> channels = new ArrayList<>();

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        clock(REPORTED);
    }

    @AfterEach
    void tearDown() {
        channels.forEach(id -> rest.withBasicAuth("admin", "demo").exchange("/api/admin/notice-channels/" + id,
                HttpMethod.DELETE, HttpEntity.EMPTY, JsonNode.class));
        receivers.forEach(Receiver::close);
        ClockUtil.reset();
    }

    @Test
    void eachLadderStepReachesTheRightReceiverOnceAndDingTalkChecksTheSignature() throws Exception {
        Receiver unitRobot = receiver(Receiver.plain());
        Receiver leaderRobot = receiver(Receiver.dingTalk("SECleader-signing-secret-0001"));
        Receiver disciplineRobot = receiver(Receiver.dingTalk("SECdiscipline-signing-0002"));
        channel(Map.of("owner", "sthjj", "kind", "WECOM", "name", "生态环境分局工作群", "endpoint", unitRobot.url(),
                "secret", "wecom-key-sthjj-0001"));
        channel(Map.of("owner", "sthjj", "audience", "LEADER", "kind", "DINGTALK", "name", "生态环境分局领导群",
                "endpoint", leaderRobot.url(), "secret", "ding-token-0001", "signingSecret", "SECleader-signing-secret-0001"));
        channel(Map.of("owner", "discipline", "kind", "DINGTALK", "name", "纪工委群", "endpoint", disciplineRobot.url(),
                "secret", "ding-token-0002", "signingSecret", "SECdiscipline-signing-0002"));

        long id = api.reportCase(api.patrolReport("NOISE", "SERIOUS")).get("id").asLong();
        String number = api.caseDetail(id).get("caseNumber").asText();
        act("sthjj-handler", id, "accept");
        sender.sendDue();
        assertThat(unitRobot.texts()).singleElement().asString().contains("新案件交办", number);

        step("2026-09-22T10:25:00+08:00", id);
        step("2026-09-22T18:01:00+08:00", id);
        step("2026-09-28T18:01:00+08:00", id);
        step("2026-10-08T18:01:00+08:00", id);
        sender.sendDue(); // nothing left: a second round sends nothing again

        assertThat(unitRobot.texts()).hasSize(4);
        assertThat(unitRobot.texts().get(1)).contains("【预警】", number);
        assertThat(unitRobot.texts().get(2)).contains("【催办", number);
        assertThat(unitRobot.texts().get(3)).contains("【督办令】", number, "超期 3 个工作日");
        assertThat(leaderRobot.texts()).hasSize(3);
        assertThat(leaderRobot.texts().get(0)).contains("【预警】");
        assertThat(leaderRobot.texts().get(2)).contains("【督办令】", "2026年10月8日");
        assertThat(leaderRobot.refused()).as("every DingTalk request carried a valid signature").isZero();
        assertThat(leaderRobot.messages()).allSatisfy(m -> assertThat(m.params()).containsEntry("access_token", "ding-token-0001"));
        assertThat(disciplineRobot.texts()).singleElement().asString().contains("【移交纪检】", number, "督办令到期仍未整改");
    }

    @Test
    void aReceiverThatAnswers500ForTenMinutesGetsEveryNoticeAfterwardsOnce() throws Exception {
        Receiver gateway = receiver(Receiver.plain());
        long channel = channel(Map.of("owner", "zjj", "kind", "SMS", "name", "住建局短信", "endpoint", gateway.url(),
                "secret", "sms-api-key-zjj", "recipients", "13800000001,13800000002",
                "settings", Map.of("signName", "高新区创建办", "templateCode", "SMS_100001")));
        clock("2026-09-22T10:00:00+08:00");
        gateway.down(true);
        List<String> subjects = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            subjects.add(post(NoticeKind.URGING, "zjj", "ZG-500-00" + i));
        }
        assertThat(sender.sendDue()).isZero();
        JsonNode failing = api.get("admin", "/api/admin/notice-channels/" + channel).getBody();
        assertThat(failing.get("state").asText()).isEqualTo("发送失败，等待重试");
        assertThat(failing.get("lastError").asText()).contains("HTTP 500");
        assertThat(failing.get("pending").asInt()).isEqualTo(3);
        subjects.add(post(NoticeKind.WARNING, "zjj", "ZG-500-004"));

        for (int second = 10; second <= 600; second += 10) {
            clock(OffsetDateTime.parse("2026-09-22T10:00:00+08:00").plusSeconds(second).toString());
            sender.sendDue();
        }
        int refusedWhileDown = gateway.refused();
        // tries at 0 s, 30 s, 1.5 min, 3.5 min, 7.5 min: growing back-off, not one try per call
        assertThat(refusedWhileDown).isBetween(4, 6);
        gateway.down(false);
        for (int second = 610; second <= 1800; second += 10) {
            clock(OffsetDateTime.parse("2026-09-22T10:00:00+08:00").plusSeconds(second).toString());
            sender.sendDue();
        }
        assertThat(gateway.messages()).hasSize(4);
        assertThat(gateway.messages().stream().map(m -> m.body().path("templateParam").path("subject").asText()))
                .containsExactlyInAnyOrderElementsOf(subjects);
        assertThat(gateway.messages()).allSatisfy(m -> {
            assertThat(m.body().get("phoneNumbers").asText()).isEqualTo("13800000001,13800000002");
            assertThat(m.body().get("templateCode").asText()).isEqualTo("SMS_100001");
        });
        JsonNode recovered = api.get("admin", "/api/admin/notice-channels/" + channel).getBody();
        assertThat(recovered.get("state").asText()).isEqualTo("正常");
        assertThat(recovered.get("pending").asInt()).isZero();
    }

    @Test
    void aRobotGetsNoMoreMessagesAMinuteThanItsRateAndTheRestComesBatched() throws Exception {
        Receiver robot = receiver(Receiver.plain());
        channel(Map.of("owner", "jyj", "kind", "WECOM", "name", "教育局工作群", "endpoint", robot.url(),
                "secret", "wecom-key-jyj-0001", "ratePerMinute", 2, "batchSize", 3));
        clock("2026-09-22T10:00:00+08:00");
        List<String> numbers = new ArrayList<>();
        for (int i = 10; i < 20; i++) {
            numbers.add("ZG-RATE-0" + i);
            post(NoticeKind.NEW_CASE, "jyj", "ZG-RATE-0" + i);
        }
        sender.sendDue();
        sender.sendDue();
        assertThat(robot.messages()).as("two messages in the first minute").hasSize(2);
        clock("2026-09-22T10:01:01+08:00");
        sender.sendDue();
        assertThat(robot.messages()).hasSize(4);
        String all = String.join("\n", robot.texts());
        numbers.forEach(n -> assertThat(all.split("\\*\\*【新案件交办】" + n + " ", -1)).as(n + " once").hasSize(2));
    }

    @Test
    void twoSendersAtOnceSendEachNoticeOnce() throws Exception {
        Receiver robot = receiver(Receiver.slow(40));
        channel(Map.of("owner", "jjdd", "kind", "WECOM", "name", "交警大队工作群", "endpoint", robot.url(),
                "secret", "wecom-key-jjdd-0001", "ratePerMinute", 1000, "batchSize", 1));
        clock("2026-09-22T10:00:00+08:00");
        for (int i = 0; i < 20; i++) {
            post(NoticeKind.NEW_CASE, "jjdd", "ZG-TWO-" + (100 + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(pool.submit(() -> {
                start.await();
                return sender.sendDue();
            }));
        }
        start.countDown();
        int sent = 0;
        for (Future<Integer> run : runs) {
            sent += run.get();
        }
        pool.shutdown();
        sender.sendDue();
        assertThat(sent).isEqualTo(20);
        assertThat(robot.texts()).hasSize(20).doesNotHaveDuplicates();
    }

    @Test
    void casesKeepMovingWhileAChannelIsDownAndItsAdministratorSeesWhy() throws Exception {
        Receiver gone = Receiver.plain();
        String deadUrl = gone.url();
        gone.close();
        long channel = channel(Map.of("owner", "sthjj", "kind", "DINGTALK", "name", "已停机的机器人", "endpoint", deadUrl,
                "secret", "ding-token-dead", "signingSecret", "SECdead"));

        long id = api.reportCase(api.patrolReport("NOISE", "SERIOUS")).get("id").asLong();
        act("sthjj-handler", id, "accept");
        sender.sendDue();
        step("2026-09-22T18:01:00+08:00", id);
        sender.sendDue();

        assertThat(api.caseDetail(id).get("status").asText()).isEqualTo("IN_RECTIFICATION");
        JsonNode view = api.get("admin", "/api/admin/notice-channels/" + channel).getBody();
        assertThat(view.get("lastError").asText()).contains("无法连接");
        assertThat(view.get("pending").asInt()).isGreaterThanOrEqualTo(2);
        JsonNode pending = api.get("admin", "/api/admin/notice-deliveries?channelId=" + channel).getBody();
        assertThat(pending).isNotEmpty().allSatisfy(d -> assertThat(d.get("lastError").asText()).contains("无法连接"));
    }

    @Test
    void anEmailChannelSendsThroughSmtp() throws Exception {
        channel(Map.of("owner", "discipline", "kind", "EMAIL", "name", "纪工委邮箱",
                "endpoint", "smtp://127.0.0.1:" + smtp.getSmtp().getPort(), "recipients", "jgw@example.gov.cn",
                "settings", Map.of("from", "rectify@example.gov.cn")));
        clock("2026-09-22T10:00:00+08:00");
        post(NoticeKind.TRANSFER, "discipline", "ZG-MAIL-001");
        sender.sendDue();
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getSubject()).contains("【移交纪检】", "ZG-MAIL-001");
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("jgw@example.gov.cn");
        assertThat(String.valueOf(mails[0].getContent())).contains("请纪工委审查案卷");
    }

    @Test
    void quietHoursHoldAnSmsTillMorningButNotASupervisionOrder() throws Exception {
        Receiver gateway = receiver(Receiver.plain());
        channel(Map.of("owner", "xfj", "kind", "SMS", "name", "消防大队短信", "endpoint", gateway.url(),
                "recipients", "13900000009", "quietStart", "22:00", "quietEnd", "07:00"));
        clock("2026-09-22T23:00:00+08:00");
        String urging = post(NoticeKind.URGING, "xfj", "ZG-QUIET-001");
        String order = post(NoticeKind.SUPERVISION_ORDER, "xfj", "ZG-QUIET-002");
        sender.sendDue();
        assertThat(gateway.messages()).singleElement()
                .satisfies(m -> assertThat(m.body().path("templateParam").path("subject").asText()).isEqualTo(order));
        clock("2026-09-23T07:01:00+08:00");
        sender.sendDue();
        assertThat(gateway.messages()).hasSize(2);
        assertThat(gateway.messages().get(1).body().path("templateParam").path("subject").asText()).isEqualTo(urging);
    }

    @Test
    void administratorsSetChannelsAndNeverSeeASecretBack() {
        ResponseEntity<JsonNode> created = api.post("admin", "/api/admin/notice-channels", Map.of("owner", "cgj",
                "kind", "DINGTALK", "name", "城管局群", "endpoint", "https://oapi.dingtalk.com/robot/send",
                "secret", "abcdef0123456789token", "signingSecret", "SEC0123456789abcdef"));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        long id = created.getBody().get("id").asLong();
        channels.add(id);
        assertThat(created.getBody().get("secret").asText()).isEqualTo("abc****en").doesNotContain("0123456789");
        assertThat(created.getBody().get("signingSecret").asText()).isEqualTo("SEC****ef");
        assertThat(created.getBody().get("ratePerMinute").asInt()).isEqualTo(20);
        assertThat(created.getBody().get("ownerName").asText()).contains("城");

        var update = rest.withBasicAuth("admin", "demo").exchange("/api/admin/notice-channels/" + id, HttpMethod.PUT,
                new HttpEntity<>(Map.of("owner", "cgj", "kind", "DINGTALK", "name", "城管局工作群",
                        "endpoint", "https://oapi.dingtalk.com/robot/send", "secret", "")), JsonNode.class);
        assertThat(update.getBody().get("name").asText()).isEqualTo("城管局工作群");
        assertThat(jdbc.sql("select secret from notice_channel where id = :id").param("id", id).query(String.class)
                .single()).as("a blank secret keeps the stored one").isEqualTo("abcdef0123456789token");

        assertProblem(api.post("admin", "/api/admin/notice-channels", Map.of("owner", "cgj", "kind", "FAX",
                "name", "传真", "endpoint", "http://x")), 400, "渠道类型");
        assertProblem(api.post("admin", "/api/admin/notice-channels", Map.of("owner", "nobody", "kind", "WECOM",
                "name", "群", "endpoint", "http://x", "secret", "k")), 400, "既不是单位代码");
        assertProblem(api.post("admin", "/api/admin/notice-channels", Map.of("owner", "cgj", "kind", "DINGTALK",
                "name", "群", "endpoint", "https://oapi.dingtalk.com/robot/send", "secret", "t")), 400, "加签");
        assertThat(api.get("cgj-handler", "/api/admin/notice-channels").getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void theCampaignOfficeEditsATextAndABrokenTemplateIsRefused() throws Exception {
        Receiver robot = receiver(Receiver.plain());
        channel(Map.of("owner", "wjj", "kind", "WECOM", "name", "卫健局工作群", "endpoint", robot.url(),
                "secret", "wecom-key-wjj-0001"));
        assertProblem(rest.withBasicAuth("dispatcher", "demo").exchange("/api/admin/notice-templates/WARNING",
                HttpMethod.PUT, new HttpEntity<>(Map.of("subject", "预警 ${caseNumber", "body", "x")), JsonNode.class),
                422, "模板无法");
        var saved = rest.withBasicAuth("dispatcher", "demo").exchange("/api/admin/notice-templates/WARNING",
                HttpMethod.PUT, new HttpEntity<>(Map.of("subject", "【请注意】${caseNumber} 快到期了",
                        "body", "${leadUnitName}：${title} 将于 ${deadlineText} 到期。")), JsonNode.class);
        assertThat(saved.getBody().get("edited").asBoolean()).isTrue();
        try {
            post(NoticeKind.WARNING, "wjj", "ZG-TPL-001");
            sender.sendDue();
            assertThat(robot.texts()).singleElement().asString().contains("【请注意】ZG-TPL-001 快到期了");
        } finally {
            rest.withBasicAuth("dispatcher", "demo").exchange("/api/admin/notice-templates/WARNING", HttpMethod.DELETE,
                    HttpEntity.EMPTY, JsonNode.class);
        }
        assertThat(api.get("dispatcher", "/api/admin/notice-templates/WARNING").getBody().get("subject").asText())
                .contains("【预警】");
    }

    @Test
    void theMorningDigestGoesOutOnWorkingDaysOnly() throws Exception {
        Receiver robot = receiver(Receiver.plain());
        channel(Map.of("owner", "sthjj", "kind", "WECOM", "name", "生态环境分局工作群", "endpoint", robot.url(),
                "secret", "wecom-key-digest"));
        long id = api.reportCase(api.patrolReport("NOISE", "SERIOUS")).get("id").asLong();
        String number = api.caseDetail(id).get("caseNumber").asText();
        act("sthjj-handler", id, "accept");
        sender.sendDue();
        int before = robot.texts().size();

        runDigestAt("2026-09-22T08:30:00+08:00"); // Tuesday, a working day; the case is due today at 18:00
        sender.sendDue();
        assertThat(robot.texts()).hasSize(before + 1);
        assertThat(robot.texts().get(before)).contains("【每日待办】", "今日到期", number);

        runDigestAt("2026-10-01T08:30:00+08:00"); // National Day
        sender.sendDue();
        assertThat(robot.texts()).hasSize(before + 1);
    }

    private void runDigestAt(String at) {
        clock(at);
        Job timer = managementService.createJobQuery().processDefinitionKey("noticeDigest").timers().singleResult();
        assertThat(timer).as("the digest's timer is deployed").isNotNull();
        // the cron job recreates itself for the next morning when it runs
        managementService.executeJob(timer.getId());
    }

    private String post(NoticeKind kind, String owner, String caseNumber) {
        Map<String, Object> model = new HashMap<>(NoticeSamples.of(kind));
        model.put("caseNumber", caseNumber);
        transactions.executeWithoutResult(s -> outbox.post(kind, null, owner, Outbox.UNIT, model));
        return NoticeTemplates.defaults(kind).subject().replace("${caseNumber}", caseNumber)
                .replace("${title}", "星河路占道经营").replace("${overdueDays}", "3").replace("${measure}", "通报批评");
    }

    private void step(String at, long caseId) {
        clock(at);
        String pi = api.caseDetail(caseId).get("processInstanceId").asText();
        for (int guard = 0; guard < 20; guard++) {
            List<Job> due = managementService.createJobQuery().processInstanceId(pi).executable().list();
            if (due.isEmpty()) {
                break;
            }
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
        sender.sendDue();
    }

    private void act(String user, long id, String action) {
        var response = api.post(user, "/api/cases/" + id + "/" + action, null);
        assertThat(response.getStatusCode().value()).as("%s %s: %s", user, action, response.getBody()).isEqualTo(200);
    }

    private long channel(Map<String, ?> request) {
        ResponseEntity<JsonNode> created = api.post("admin", "/api/admin/notice-channels", request);
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        long id = created.getBody().get("id").asLong();
        channels.add(id);
        return id;
    }

    private Receiver receiver(Receiver receiver) {
        receivers.add(receiver);
        return receiver;
    }

    private static void clock(String at) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(at).toInstant()));
    }
}

package org.rectify.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rectify.support.RectifyIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The console's notice-channel page: administrators add a channel and see it masked; others are refused. */
@RectifyIntegrationTest
class NoticesPageIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void anAdministratorAddsAChannelAndSeesItsSecretMasked() {
        ConsoleSession admin = ConsoleSession.signedIn(port, "admin");
        HttpResponse<String> added = admin.submit("/console/notices", "/console/notices", Map.of(
                "owner", "ygjd", "audience", "LEADER", "kind", "WECOM", "name", "云谷街道领导群",
                "endpoint", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send", "secret", "ygjd-robot-key-123456"));
        assertThat(added.statusCode()).isEqualTo(302);
        String page = admin.get("/console/notices").body();
        assertThat(page).contains("通知渠道已添加", "云谷街道领导群", "负责人/包保领导", "ygj****56")
                .doesNotContain("ygjd-robot-key-123456");

        HttpResponse<String> refused = admin.submit("/console/notices", "/console/notices", Map.of(
                "owner", "ygjd", "kind", "DINGTALK", "name", "缺少密钥", "endpoint", "https://oapi.dingtalk.com/robot/send"));
        assertThat(admin.get(refused.headers().firstValue("Location").orElse("/console/notices")
                .replaceFirst("^https?://[^/]+", "")).body()).contains("请填写钉钉机器人的 access_token");

        assertThat(ConsoleSession.signedIn(port, "dispatcher").get("/console/notices").statusCode()).isEqualTo(403);
    }
}

package org.rectify.notices;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * 钉钉自定义机器人 with 加签: {@code sign} = URL-encoded Base64 of HMAC-SHA256 over {@code timestamp + "\n" + secret}
 * keyed with the secret. The timestamp is the real time in milliseconds (DingTalk refuses one an hour off), not the
 * engine's clock.
 */
@Component
class DingTalkTransport implements Transport {

    private final HttpJson http;

    DingTalkTransport(HttpJson http) {
        this.http = http;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.DINGTALK;
    }

    @Override
    public void send(Channel channel, List<Outgoing> notices) throws DeliveryFailed {
        long timestamp = System.currentTimeMillis();
        String url = channel.endpoint() + (channel.endpoint().contains("?") ? "&" : "?")
                + "access_token=" + URLEncoder.encode(channel.secret(), StandardCharsets.UTF_8)
                + "&timestamp=" + timestamp + "&sign=" + sign(timestamp, channel.signingSecret());
        String title = notices.size() == 1 ? notices.get(0).subject() : "整改通知（" + notices.size() + "条）";
        Map<String, Object> body = Map.of("msgtype", "markdown",
                "markdown", Map.of("title", title, "text", Transport.markdown(notices, 4000)));
        JsonNode answer = http.post(url, body, Map.of());
        RobotAnswers.check(answer);
    }

    static String sign(long timestamp, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return URLEncoder.encode(Base64.getEncoder().encodeToString(digest), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

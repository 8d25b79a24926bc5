package org.rectify.notices;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * An SMS gateway over HTTP, shaped as the big Chinese providers take a message: sign name, template code and the
 * template's parameters as a JSON object. One notice per message (an SMS template carries one notice); the API key
 * travels in the {@code X-Api-Key} header. An answer whose {@code code} is present and not {@code OK} is a failure.
 * Settings: {@code signName} (default 创建办), {@code templateCode} (default SMS_RECTIFY_NOTICE).
 */
@Component
class SmsTransport implements Transport {

    private final HttpJson http;

    SmsTransport(HttpJson http) {
        this.http = http;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.SMS;
    }

    @Override
    public void send(Channel channel, List<Outgoing> notices) throws DeliveryFailed {
        for (Outgoing notice : notices) {
            String phones = notice.phone() != null ? notice.phone() : String.join(",", channel.recipientList());
            if (phones.isBlank()) {
                throw new DeliveryFailed("没有接收短信的手机号");
            }
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("kind", notice.kind().chineseLabel());
            params.put("subject", notice.subject());
            params.put("content", notice.body());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("phoneNumbers", phones);
            body.put("signName", channel.setting("signName", "创建办"));
            body.put("templateCode", channel.setting("templateCode", "SMS_RECTIFY_NOTICE"));
            body.put("templateParam", params);
            Map<String, String> headers = channel.secret() == null ? Map.of() : Map.of("X-Api-Key", channel.secret());
            JsonNode answer = http.post(channel.endpoint(), body, headers);
            if (answer.has("code") && !"OK".equalsIgnoreCase(answer.path("code").asText())) {
                throw new DeliveryFailed("短信网关拒收：" + answer.path("code").asText() + " " + answer.path("message").asText(""));
            }
        }
    }
}

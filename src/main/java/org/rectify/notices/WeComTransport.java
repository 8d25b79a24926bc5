package org.rectify.notices;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** 企业微信群机器人: markdown to {@code <webhook>?key=<key>}; an answer with errcode ≠ 0 is a failure. */
@Component
class WeComTransport implements Transport {

    private final HttpJson http;

    WeComTransport(HttpJson http) {
        this.http = http;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.WECOM;
    }

    @Override
    public void send(Channel channel, List<Outgoing> notices) throws DeliveryFailed {
        String url = channel.endpoint() + (channel.endpoint().contains("?") ? "&" : "?") + "key="
                + URLEncoder.encode(channel.secret(), StandardCharsets.UTF_8);
        Map<String, Object> body = Map.of("msgtype", "markdown",
                "markdown", Map.of("content", Transport.markdown(notices, 1300)));
        JsonNode answer = http.post(url, body, Map.of());
        RobotAnswers.check(answer);
    }
}

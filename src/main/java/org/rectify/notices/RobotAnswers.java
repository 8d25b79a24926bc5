package org.rectify.notices;

import com.fasterxml.jackson.databind.JsonNode;

/** WeCom and DingTalk robots answer HTTP 200 with {@code errcode} 0, or another code and {@code errmsg} for a refusal. */
final class RobotAnswers {

    private RobotAnswers() {
    }

    static void check(JsonNode answer) throws Transport.DeliveryFailed {
        int code = answer.path("errcode").asInt(0);
        if (code != 0) {
            throw new Transport.DeliveryFailed("机器人拒收：errcode " + code + "，" + answer.path("errmsg").asText(""));
        }
    }
}

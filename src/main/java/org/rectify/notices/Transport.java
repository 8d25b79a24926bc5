package org.rectify.notices;

import java.util.List;

/** Sends one message carrying one or more notices on a channel of its kind; throws with the reason if it was not taken. */
interface Transport {

    /** One notice in a message. {@code phone}: a reporter's own number, for the reporters' SMS channel. */
    record Outgoing(long deliveryId, NoticeKind kind, String subject, String body, String phone) {
    }

    /** The channel did not take the message; {@code reason} is shown to administrators. */
    class DeliveryFailed extends Exception {
        DeliveryFailed(String reason) {
            super(reason);
        }

        DeliveryFailed(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    ChannelKind kind();

    void send(Channel channel, List<Outgoing> notices) throws DeliveryFailed;

    /** The notices of a batch as one markdown text, short enough for a robot (WeCom takes 4 096 bytes). */
    static String markdown(List<Outgoing> notices, int maxChars) {
        StringBuilder text = new StringBuilder();
        for (Outgoing n : notices) {
            if (!text.isEmpty()) {
                text.append("\n\n---\n\n");
            }
            text.append("**").append(n.subject()).append("**\n\n").append(n.body().replace("\n", "  \n"));
        }
        return text.length() <= maxChars ? text.toString() : text.substring(0, maxChars - 12) + "…（详见系统）";
    }
}

package org.rectify.notices;

/** How a channel reaches people, with the rate a channel of the kind takes unless the administrator sets another. */
enum ChannelKind {
    WECOM("企业微信群机器人", 20), DINGTALK("钉钉自定义机器人", 20), SMS("短信网关", 60), EMAIL("电子邮件", 30);

    private final String chineseLabel;
    private final int defaultRatePerMinute;

    ChannelKind(String chineseLabel, int defaultRatePerMinute) {
        this.chineseLabel = chineseLabel;
        this.defaultRatePerMinute = defaultRatePerMinute;
    }

    String chineseLabel() {
        return chineseLabel;
    }

    int defaultRatePerMinute() {
        return defaultRatePerMinute;
    }

    /** Robots and mail take several notices in one message; an SMS template carries one notice. */
    boolean batches() {
        return this != SMS;
    }
}

package org.rectify.notices;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * One channel as stored. {@code endpoint}: the robot's webhook URL (WeCom without its key, DingTalk without its
 * access token), the SMS gateway's URL, or {@code smtp://host:port} for e-mail. {@code secret}: the WeCom robot's key,
 * the DingTalk robot's access token, the SMS gateway's API key or the SMTP password. {@code signingSecret}: the
 * DingTalk robot's signing secret (SEC…). {@code recipients}: phone numbers or addresses, comma-separated.
 */
record Channel(long id, String owner, String audience, ChannelKind kind, String name, String endpoint, String secret,
        String signingSecret, String recipients, Map<String, String> settings, int ratePerMinute, int batchSize,
        LocalTime quietStart, LocalTime quietEnd, boolean enabled, int failures, OffsetDateTime retryAt,
        String lastError, OffsetDateTime lastErrorAt, OffsetDateTime lastSentAt) {

    List<String> recipientList() {
        return recipients == null || recipients.isBlank() ? List.of()
                : List.of(recipients.split("\\s*[,，;；]\\s*")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    String setting(String key, String fallback) {
        String value = settings.get(key);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Quiet hours may wrap midnight (22:00–07:00). */
    boolean isQuietAt(LocalTime time) {
        if (quietStart == null || quietEnd == null || quietStart.equals(quietEnd)) {
            return false;
        }
        return quietStart.isBefore(quietEnd) ? !time.isBefore(quietStart) && time.isBefore(quietEnd)
                : !time.isBefore(quietStart) || time.isBefore(quietEnd);
    }
}

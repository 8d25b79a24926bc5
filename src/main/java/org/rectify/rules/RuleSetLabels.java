package org.rectify.rules;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Rule-set versions as people read them: the day the version was first stored and its number in order of storing,
 * "2026-12-01 第3版". The content hash that identifies a version stays for administrators (the rule-set pages and
 * the API); officials see only this label.
 */
@Service
public class RuleSetLabels {

    private final JdbcClient jdbc;
    private final ZoneId zone;

    RuleSetLabels(JdbcClient jdbc, @Value("${rectify.zone-id:Asia/Shanghai}") String zoneId) {
        this.jdbc = jdbc;
        this.zone = ZoneId.of(zoneId);
    }

    /** The label of one version; empty for none, the version itself if it is unknown. */
    public String label(String version) {
        if (version == null || version.isBlank()) {
            return "";
        }
        return labels(java.util.List.of(version)).getOrDefault(version, version);
    }

    /** The labels of several versions at once (one query). */
    public Map<String, String> labels(Collection<String> versions) {
        Map<String, String> labels = new HashMap<>();
        if (versions.isEmpty()) {
            return labels;
        }
        jdbc.sql("""
                select version, activated_at, number from (
                    select version, activated_at, row_number() over (order by activated_at, version) as number
                    from rule_set) numbered
                where version in (:versions)""")
                .param("versions", versions)
                .query(rs -> {
                    OffsetDateTime at = rs.getObject("activated_at", OffsetDateTime.class);
                    labels.put(rs.getString("version"), at.atZoneSameInstant(zone).toLocalDate() + " 第"
                            + rs.getLong("number") + "版");
                });
        return labels;
    }
}

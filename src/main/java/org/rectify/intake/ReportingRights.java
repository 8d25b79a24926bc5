package org.rectify.intake;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rectify.catalog.ReportSource;
import org.rectify.security.CurrentUser;
import org.rectify.shared.AuditedAct;
import org.rectify.shared.DomainException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Who may report as what. The source decides how heavy a case weighs (a higher-level inspection climbs a steeper
 * ladder and costs the unit more), so it is not the reporter's to choose: each role (Camunda group) may use the
 * sources {@code rectify.intake.sources-by-role} gives it. And a report is made in one's own name — the reporter is
 * the signed-in account, who alone can earn volunteer points by it — except that a 12345 hotline operator reports
 * for a caller, who has no account: the caller's name and phone are required and the reporter becomes the caller.
 */
@Component
@EnableConfigurationProperties(ReportingRights.Settings.class)
public class ReportingRights {

    /** {@code rectify.intake.sources-by-role}: group id → the sources its members may report as. */
    @ConfigurationProperties("rectify.intake")
    record Settings(Map<String, List<ReportSource>> sourcesByRole) {
        Settings {
            sourcesByRole = sourcesByRole == null ? Map.of() : Map.copyOf(sourcesByRole);
        }
    }

    /** The reporter prefix of a hotline caller (not an account). */
    static final String CALLER_PREFIX = "12345来电:";

    private final Settings settings;
    private final ApplicationEventPublisher events;

    ReportingRights(Settings settings, ApplicationEventPublisher events) {
        this.settings = settings;
        this.events = events;
    }

    /** The sources the user may report as, in the enum's order (lightest first). */
    public List<ReportSource> allowedFor(CurrentUser user) {
        Set<ReportSource> allowed = EnumSet.noneOf(ReportSource.class);
        user.groupIds().forEach(group -> allowed.addAll(settings.sourcesByRole().getOrDefault(group, List.of())));
        return List.copyOf(allowed);
    }

    /**
     * The report as it may be filed by this user: refused if the source is not theirs or the reporter is someone
     * else; a hotline report's reporter becomes its caller.
     */
    ReportRequest admit(ReportRequest report, CurrentUser user) {
        try {
            return check(report, user);
        } catch (DomainException refusal) {
            events.publishEvent(AuditedAct.refused(user.id(), "case.report", null, refusal.detail()));
            throw refusal;
        }
    }

    private ReportRequest check(ReportRequest report, CurrentUser user) {
        List<ReportSource> allowed = allowedFor(user);
        if (!allowed.contains(report.source())) {
            throw DomainException.forbidden("source-not-allowed", "您的账号不能以“" + report.source().chineseLabel()
                    + "”为来源上报" + (allowed.isEmpty() ? "；您的账号没有上报权限"
                    : "；可用的来源：" + String.join("、", allowed.stream().map(ReportSource::chineseLabel).toList())));
        }
        ReportRequest.Reporter reporter = report.reporter();
        if (report.source() == ReportSource.HOTLINE) {
            String name = reporter == null ? null : blankToNull(reporter.name());
            String phone = reporter == null ? null : blankToNull(reporter.phone());
            if (name == null || phone == null) {
                throw DomainException.invalid("caller-required", "热线上报须填写来电人姓名 reporter.name 和电话 reporter.phone");
            }
            return with(report, new ReportRequest.Reporter(CALLER_PREFIX + phone, name, phone));
        }
        if (reporter != null && reporter.id() != null && !reporter.id().strip().equals(user.id())) {
            throw DomainException.forbidden("reporter-not-self", "只能以本人名义上报：报告人 reporter.id 应为您的账号“"
                    + user.id() + "”，不能是“" + reporter.id().strip() + "”");
        }
        return with(report, new ReportRequest.Reporter(user.id(), reporter == null || blankToNull(reporter.name()) == null
                ? user.displayName() : reporter.name(), reporter == null ? null : reporter.phone()));
    }

    private static ReportRequest with(ReportRequest r, ReportRequest.Reporter reporter) {
        return new ReportRequest(r.categoryCode(), r.source(), r.severity(), r.title(), r.description(), r.location(),
                r.photos(), reporter);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

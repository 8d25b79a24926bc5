package org.rectify.campaigns;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.rectify.catalog.Catalog;
import org.rectify.catalog.Unit;
import org.rectify.clock.BusinessClock;
import org.rectify.security.CurrentUser;
import org.rectify.shared.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates campaigns (checking every field first, so bad input stores nothing) and starts each campaign's
 * process, whose timer waits for the clearance date, in the same transaction.
 */
@Service
class CampaignRegistry {

    static final String PROCESS_KEY = "campaign";
    static final String VAR_CAMPAIGN_ID = "campaignId";
    static final String VAR_CLEARANCE_AT = "clearanceAt";

    /** What a dispatcher fills in; every field is text so that a wrong one is answered in Chinese. */
    record CampaignRequest(String name, String sourceLevel, String startsOn, String clearanceDate,
            List<String> categories, List<String> streets, String owner, String description) {
    }

    private final CampaignStore store;
    private final Catalog catalog;
    private final BusinessClock clock;
    private final RuntimeService runtime;
    private final TransactionTemplate transactions;

    CampaignRegistry(CampaignStore store, Catalog catalog, BusinessClock clock, RuntimeService runtime,
            TransactionTemplate transactions) {
        this.store = store;
        this.catalog = catalog;
        this.clock = clock;
        this.runtime = runtime;
        this.transactions = transactions;
    }

    /** Who may create campaigns and import lists: the dispatchers (创建办) and admins. */
    static boolean canManage(CurrentUser user) {
        return user.isAdmin() || user.isDispatcher();
    }

    static void requireManager(CurrentUser user) {
        if (!canManage(user)) {
            throw DomainException.forbidden("not-dispatcher", "只有创建办（调度员）或管理员可以创建专项整治、导入问题清单");
        }
    }

    static void requireViewer(CurrentUser user) {
        if (!user.seesAllCases()) {
            throw DomainException.forbidden("not-allowed", "专项整治看板仅对创建办、督查组、纪工委和管理员开放");
        }
    }

    Campaign create(CampaignRequest request, CurrentUser user) {
        requireManager(user);
        if (request == null) {
            throw DomainException.invalid("empty", "请提交专项整治的名称、级别、开始日期和清零时限");
        }
        String name = text(request.name());
        if (name == null) {
            throw DomainException.invalid("name-required", "请填写专项整治名称 name");
        }
        if (name.length() > 200) {
            throw DomainException.invalid("too-long", "专项整治名称不能超过 200 个字");
        }
        SourceLevel level = SourceLevel.parse(request.sourceLevel()).orElseThrow(() -> DomainException.invalid(
                "unknown-source-level", "问题来源级别“" + (request.sourceLevel() == null ? "" : request.sourceLevel())
                        + "”无效，应为 区级（DISTRICT）、市级（CITY）、省级（PROVINCIAL）或 国家级（NATIONAL）"));
        LocalDate startsOn = request.startsOn() == null || request.startsOn().isBlank()
                ? clock.now().toLocalDate() : date(request.startsOn(), "开始日期 startsOn");
        OffsetDateTime clearanceAt = clearance(request.clearanceDate());
        if (!clearanceAt.toLocalDate().isAfter(startsOn)) {
            throw DomainException.invalid("clearance-before-start", "清零时限（" + clearanceAt.toLocalDate()
                    + "）应晚于开始日期（" + startsOn + "）");
        }
        List<String> categories = new ArrayList<>();
        for (String c : request.categories() == null ? List.<String>of() : request.categories()) {
            String code = text(c);
            if (code == null) {
                continue;
            }
            String resolved = catalog.category(code).map(x -> x.code()).or(() -> catalog.categories().stream()
                    .filter(x -> x.name().equals(code)).map(x -> x.code()).findFirst())
                    .orElseThrow(() -> DomainException.invalid("unknown-category", "整治范围中的问题类别“" + code
                            + "”不存在，可用的类别见 GET /api/catalog/categories"));
            categories.add(resolved);
        }
        List<String> streets = new ArrayList<>();
        for (String s : request.streets() == null ? List.<String>of() : request.streets()) {
            String code = text(s);
            if (code == null) {
                continue;
            }
            Unit street = catalog.units().stream().filter(u -> u.kind() == Unit.Kind.STREET
                    && (u.code().equals(code) || u.name().equals(code) || u.name().startsWith(code))).findFirst()
                    .orElseThrow(() -> DomainException.invalid("unknown-street", "整治范围中的街道“" + code
                            + "”不存在，请填写街道代码或名称（如 cxjd、创新街道）"));
            streets.add(street.code());
        }
        String owner = text(request.owner()) == null ? user.displayName() : text(request.owner());
        if (owner.length() > 100) {
            throw DomainException.invalid("too-long", "负责人不能超过 100 个字");
        }
        String description = text(request.description());
        if (description != null && description.length() > 2000) {
            throw DomainException.invalid("too-long", "说明不能超过 2000 个字");
        }
        OffsetDateTime now = clock.now();
        long id = transactions.execute(status -> {
            long created = store.insert(name, level, startsOn, clearanceAt, List.copyOf(new LinkedHashSet<>(categories)),
                    List.copyOf(new LinkedHashSet<>(streets)), owner, description, user.id(), now);
            String pi = runtime.startProcessInstanceByKey(PROCESS_KEY, "campaign-" + created, Map.of(
                    VAR_CAMPAIGN_ID, created, VAR_CLEARANCE_AT, Date.from(clearanceAt.toInstant()))).getId();
            store.setProcessInstance(created, pi);
            return created;
        });
        return store.require(id);
    }

    /** {@code 2026-05-31} means the end of that day in the business time zone; a time may be given. */
    OffsetDateTime clearance(String text) {
        String t = text(text);
        if (t == null) {
            throw DomainException.invalid("clearance-required", "请填写清零时限 clearanceDate（如 2026-05-31）");
        }
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atTime(23, 59, 59).atZone(clock.zone()).toOffsetDateTime();
            }
            if (t.length() <= 19 && !t.endsWith("Z") && !t.substring(10).contains("+")) {
                return LocalDateTime.parse(t.replace(' ', 'T')).atZone(clock.zone()).toOffsetDateTime();
            }
            return OffsetDateTime.parse(t).atZoneSameInstant(clock.zone()).toOffsetDateTime();
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw DomainException.invalid("bad-date", "清零时限“" + t
                    + "”不是有效的日期，应写作 2026-05-31 或 2026-05-31 18:00");
        }
    }

    private static LocalDate date(String text, String field) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("bad-date", field + "“" + text.strip() + "”不是有效的日期，应写作 2026-03-01");
        }
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

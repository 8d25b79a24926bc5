package org.rectify.console;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.rectify.clock.BusinessClock;
import org.rectify.discipline.TransferTrigger;
import org.rectify.rules.AccountabilityMeasure;
import org.rectify.rules.AccountabilityTarget;
import org.rectify.security.Roles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The offices' queues: the dispatcher's (reports to check, returned cases to reassign), the supervisor's
 * (fixes to verify, extensions and suspensions to decide) and the discipline office's inbox (transfers to
 * decide, appeals). Each item opens the case page, where the console's own form or a link to Tasklist acts.
 */
@Controller
class QueuesController {

    static final String QUEUE_VIEW = "console/queue";
    static final String DISCIPLINE_VIEW = "console/discipline";

    public record Transfer(long caseId, String caseNumber, String title, String unitName, String trigger,
            String detail, String transferredAt, String status, String statusLabel, String measure, String target,
            String decidedAt, boolean open) {
    }

    private static final Map<String, String> TRANSFER_STATUS = Map.of(
            "AWAITING_DECISION", "待审查决定",
            "NOTIFIED", "已通知单位，申诉期内",
            "APPEALED", "单位已申诉，待复核",
            "EFFECTIVE", "问责决定已生效",
            "CANCELLED", "已撤销");

    private final Queues queues;
    private final Directory directory;
    private final Viewers viewers;
    private final BusinessClock clock;
    private final JdbcClient jdbc;

    QueuesController(Queues queues, Directory directory, Viewers viewers, BusinessClock clock, JdbcClient jdbc) {
        this.queues = queues;
        this.directory = directory;
        this.viewers = viewers;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @GetMapping("/console/queues/dispatcher")
    String dispatcher(Model model) {
        Viewer me = viewers.require();
        if (!me.isDispatcher()) {
            throw Viewer.forbidden("创建办的待办");
        }
        return queue(model, Roles.DISPATCHER, "创建办待办：核实立案与改派",
                "市民、志愿者、热线上报的问题在此核实立案；责任单位退回的问题在此改派。");
    }

    @GetMapping("/console/queues/supervisor")
    String supervisor(Model model) {
        Viewer me = viewers.require();
        if (!me.isSupervisor()) {
            throw Viewer.forbidden("督查组的待办");
        }
        return queue(model, Roles.SUPERVISOR, "督查组待办：核查验收与审批",
                "单位提交的整改在此核查验收；延期、挂账申请在此审批。核查人不能是整改单位的人员。");
    }

    private String queue(Model model, String group, String title, String intro) {
        OffsetDateTime now = clock.now();
        List<Queues.Section> sections = queues.forGroup(group, directory.snapshot(), now);
        model.addAttribute("sections", sections);
        model.addAttribute("total", sections.stream().mapToInt(s -> s.items().size()).sum());
        model.addAttribute("title", title);
        model.addAttribute("intro", intro);
        model.addAttribute("now", Texts.minute(now));
        return QUEUE_VIEW;
    }

    @GetMapping("/console/discipline")
    String discipline(Model model) {
        Viewer me = viewers.require();
        if (!me.isDiscipline()) {
            throw Viewer.forbidden("纪检收件箱（仅限纪工委）");
        }
        OffsetDateTime now = clock.now();
        Directory.Snapshot d = directory.snapshot();
        model.addAttribute("sections", queues.forGroup(Roles.DISCIPLINE, d, now));
        List<Transfer> transfers = transfers(d);
        model.addAttribute("openTransfers", transfers.stream().filter(Transfer::open).toList());
        model.addAttribute("closedTransfers", transfers.stream().filter(t -> !t.open()).limit(30).toList());
        model.addAttribute("now", Texts.minute(now));
        return DISCIPLINE_VIEW;
    }

    /** Transfers to the discipline office (V5__discipline.sql) with the decision that stands. */
    private List<Transfer> transfers(Directory.Snapshot d) {
        return jdbc.sql("""
                select t.case_id, c.case_number, c.title, t.unit_code, t.trigger_kind, t.detail, t.transferred_at,
                       t.status, t.closed_at, a.measure, a.target, a.decided_at
                from discipline_transfer t join rectification_case c on c.id = t.case_id
                left join accountability_current a on a.transfer_id = t.id
                order by (t.closed_at is null) desc, t.transferred_at desc limit 200""").query((rs, n) -> {
            String status = rs.getString("status");
            return new Transfer(rs.getLong("case_id"), rs.getString("case_number"), rs.getString("title"),
                    d.unitName(rs.getString("unit_code")), label(TransferTrigger.values(), TransferTrigger::chineseLabel,
                            rs.getString("trigger_kind")),
                    rs.getString("detail") == null ? "" : rs.getString("detail"),
                    Texts.minute(rs.getObject("transferred_at", OffsetDateTime.class)), status,
                    TRANSFER_STATUS.getOrDefault(status, status),
                    rs.getString("measure") == null ? "" : label(AccountabilityMeasure.values(),
                            AccountabilityMeasure::chineseLabel, rs.getString("measure")),
                    rs.getString("target") == null ? "" : label(AccountabilityTarget.values(),
                            AccountabilityTarget::chineseLabel, rs.getString("target")),
                    Texts.minute(rs.getObject("decided_at", OffsetDateTime.class)),
                    rs.getObject("closed_at") == null);
        }).list();
    }

    /** The Chinese label of the enum constant named {@code code}, or the code itself. */
    private static <E extends Enum<E>> String label(E[] constants, Function<E, String> chineseLabel, String code) {
        return Arrays.stream(constants).filter(e -> e.name().equals(code)).findFirst().map(chineseLabel).orElse(code);
    }
}

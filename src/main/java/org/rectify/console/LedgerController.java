package org.rectify.console;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.rectify.cases.CaseStatus;
import org.rectify.catalog.ReportSource;
import org.rectify.escalation.LadderStage;
import org.rectify.clock.BusinessClock;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The ledger page and its XLSX export, which holds exactly the rows the same filter shows. */
@Controller
class LedgerController {

    static final String VIEW = "console/ledger";
    /** Excel's own limit is 1 048 576 rows; an export beyond this asks for a narrower filter. */
    static final int EXPORT_LIMIT = 500_000;

    public record Choice(String code, String label) {
    }

    private final Ledger ledger;
    private final LedgerWorkbook workbook;
    private final Directory directory;
    private final Campaigns campaigns;
    private final Viewers viewers;
    private final BusinessClock clock;

    LedgerController(Ledger ledger, LedgerWorkbook workbook, Directory directory, Campaigns campaigns, Viewers viewers,
            BusinessClock clock) {
        this.ledger = ledger;
        this.workbook = workbook;
        this.directory = directory;
        this.campaigns = campaigns;
        this.viewers = viewers;
        this.clock = clock;
    }

    @GetMapping("/console/ledger")
    String ledger(@RequestParam Map<String, String> params, Model model) {
        Viewer me = viewers.require();
        LedgerFilter filter = LedgerFilter.parse(params);
        Directory.Snapshot d = directory.snapshot();
        OffsetDateTime now = clock.now();
        model.addAttribute("filter", filter);
        model.addAttribute("result", ledger.page(filter, me, d, now));
        model.addAttribute("exactUpTo", ledger.exactUpTo());
        model.addAttribute("statuses", statusChoices());
        model.addAttribute("units", d.units().stream().map(u -> new Choice(u.code(), u.name())).toList());
        model.addAttribute("streets", d.streets().stream().map(u -> new Choice(u.code(), u.name())).toList());
        model.addAttribute("categories", d.categories().stream().map(c -> new Choice(c.code(), c.name())).toList());
        model.addAttribute("sources", Arrays.stream(ReportSource.values())
                .map(s -> new Choice(s.name(), s.chineseLabel())).toList());
        model.addAttribute("ladderStages", Arrays.stream(LadderStage.values())
                .map(s -> new Choice(s.name(), s.chineseLabel())).toList());
        model.addAttribute("campaigns", campaigns.options().stream().map(c -> new Choice(c.id(), c.name())).toList());
        model.addAttribute("now", Texts.minute(now));
        return VIEW;
    }

    @GetMapping("/console/ledger.xlsx")
    void export(@RequestParam Map<String, String> params, HttpServletResponse response) throws IOException {
        Viewer me = viewers.require();
        LedgerFilter filter = LedgerFilter.parse(params);
        Directory.Snapshot d = directory.snapshot();
        OffsetDateTime now = clock.now();
        long count = ledger.count(filter, me, d, now);
        if (count > EXPORT_LIMIT) {
            throw org.rectify.shared.DomainException.invalid("export-too-large", "筛选结果共 " + count
                    + " 条，超过单次导出上限 " + EXPORT_LIMIT + " 条，请缩小筛选范围（例如按上报日期分段）后再导出");
        }
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename("问题台账-" + Texts.day(now).replace("-", "") + ".xlsx", StandardCharsets.UTF_8).build().toString());
        try (OutputStream out = response.getOutputStream()) {
            workbook.write(filter, me, d, now, count, out);
        }
    }

    static List<Choice> statusChoices() {
        List<Choice> choices = new java.util.ArrayList<>();
        choices.add(new Choice(LedgerFilter.OPEN, "在办（全部未办结）"));
        for (CaseStatus status : CaseStatus.values()) {
            choices.add(new Choice(status.name(), status.chineseLabel()));
        }
        return choices;
    }
}

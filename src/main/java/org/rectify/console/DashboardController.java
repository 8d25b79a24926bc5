package org.rectify.console;

import java.time.OffsetDateTime;
import java.util.List;
import org.rectify.clock.BusinessClock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class DashboardController {

    static final String VIEW = "console/dashboard";

    private final Dashboard dashboard;
    private final Directory directory;
    private final Viewers viewers;
    private final BusinessClock clock;
    private final org.rectify.tasks.TaskBoard taskBoard;

    DashboardController(Dashboard dashboard, Directory directory, Viewers viewers, BusinessClock clock,
            org.rectify.tasks.TaskBoard taskBoard) {
        this.dashboard = dashboard;
        this.directory = directory;
        this.viewers = viewers;
        this.clock = clock;
        this.taskBoard = taskBoard;
    }

    @GetMapping("/console/dashboard")
    String dashboard(Model model) {
        Viewer me = viewers.require();
        OffsetDateTime now = clock.now();
        Dashboard.View view = dashboard.build(me, directory.snapshot(), now);
        model.addAttribute("view", view);
        model.addAttribute("trendChart", trendChart(view.trend()));
        model.addAttribute("now", Texts.minute(now));
        model.addAttribute("taskItems", taskBoard.progress(me.user()));
        return VIEW;
    }

    static Charts.Chart trendChart(List<Dashboard.Day> days) {
        long[][] values = new long[days.size()][2];
        String[][] titles = new String[days.size()][2];
        String[][] hrefs = new String[days.size()][2];
        for (int i = 0; i < days.size(); i++) {
            Dashboard.Day day = days.get(i);
            values[i][0] = day.reported();
            values[i][1] = day.closed();
            titles[i][0] = day.iso() + " 上报 " + day.reported() + " 件";
            titles[i][1] = day.iso() + " 销号 " + day.closed() + " 件";
            hrefs[i][0] = "/console/ledger?from=" + day.iso() + "&to=" + day.iso();
            hrefs[i][1] = "/console/ledger?status=CLOSED&closedFrom=" + day.iso() + "&closedTo=" + day.iso();
        }
        return Charts.groupedColumns(days.stream().map(Dashboard.Day::label).toList(), values,
                new String[] {"reported", "closed"}, titles, hrefs, 900, 220, 3);
    }
}

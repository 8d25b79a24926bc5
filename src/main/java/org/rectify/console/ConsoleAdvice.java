package org.rectify.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.rectify.shared.DomainException;
import org.rectify.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What every console page gets (the signed-in person, the navigation, the CSRF token for its forms) and how
 * a refusal reads: a page in Chinese with the reason, never the API's JSON.
 */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class, assignableTypes = {org.rectify.campaigns.CampaignPages.class,
        org.rectify.notices.NoticePages.class, org.rectify.tasks.TaskPages.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleAdvice {

    private static final Logger log = LoggerFactory.getLogger(ConsoleAdvice.class);

    public record NavItem(String href, String label, boolean active) {
    }

    private final Viewers viewers;
    private final org.rectify.tasks.Leaders leaders;

    ConsoleAdvice(Viewers viewers, org.rectify.tasks.Leaders leaders) {
        this.viewers = viewers;
        this.leaders = leaders;
    }

    @ModelAttribute("csrf")
    CsrfToken csrf(HttpServletRequest request) {
        return (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    }

    @ModelAttribute("me")
    Viewer me() {
        return viewers.current().orElse(null);
    }

    @ModelAttribute("nav")
    List<NavItem> nav(HttpServletRequest request) {
        Viewer me = viewers.current().orElse(null);
        if (me == null) {
            return List.of();
        }
        String path = request.getRequestURI();
        List<NavItem> items = new ArrayList<>();
        if (!me.isReporterOnly()) {
            items.add(item(path, "/console/todo", "我的待办"));
            items.add(item(path, "/console/dashboard", "实时监控"));
            items.add(item(path, "/console/ledger", "问题台账"));
        }
        if (me.isDispatcher()) {
            items.add(item(path, "/console/queues/dispatcher", "待核实·改派"));
        }
        if (me.seesAll()) {
            items.add(item(path, "/console/campaigns", "专项整治"));
        }
        if (!me.isReporterOnly()) {
            items.add(item(path, "/console/tasks", "任务清单"));
        } else if (leaders.isLeader(me.id())) {
            items.add(item(path, "/console/tasks/leader", "包保责任"));
            items.add(item(path, "/console/tasks", "包保任务"));
        }
        if (me.isSupervisor()) {
            items.add(item(path, "/console/queues/supervisor", "待核查·审批"));
        }
        if (me.isDiscipline()) {
            items.add(item(path, "/console/discipline", "纪检收件箱"));
        }
        if (!me.isReporterOnly()) {
            items.add(item(path, "/console/ranking", "月度评比"));
            items.add(item(path, "/console/bulletins", "每周通报"));
        } else {
            items.add(item(path, "/console/ledger", "我的上报"));
        }
        items.add(item(path, "/console/report", "上报问题"));
        if (me.isDispatcher()) {
            items.add(item(path, "/console/unit-people", "单位人员"));
        }
        if (me.isAdmin()) {
            items.add(item(path, "/console/notices", "通知渠道"));
        }
        return items;
    }

    private static NavItem item(String path, String href, String label) {
        return new NavItem(href, label, path.equals(href) || path.startsWith(href + "/"));
    }

    @ExceptionHandler(DomainException.class)
    String refused(DomainException e, Model model, HttpServletResponse response) {
        response.setStatus(Problems.statusOf(e).value());
        model.addAttribute("status", Problems.statusOf(e).value());
        model.addAttribute("message", e.detail());
        return "console/error";
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String badParameter(MethodArgumentTypeMismatchException e, Model model, HttpServletResponse response) {
        response.setStatus(400);
        model.addAttribute("status", 400);
        model.addAttribute("message", "地址中的参数“" + e.getName() + "”格式不正确，请从页面上的链接进入");
        return "console/error";
    }

    @ExceptionHandler(RuntimeException.class)
    String unexpected(RuntimeException e, Model model, HttpServletResponse response) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException userFacing) {
                return refused(userFacing, model, response);
            }
        }
        log.error("Console page failed", e);
        response.setStatus(500);
        model.addAttribute("status", 500);
        model.addAttribute("message", "服务器内部错误，操作未生效。请稍后重试；如仍失败，请联系系统管理员");
        return "console/error";
    }
}

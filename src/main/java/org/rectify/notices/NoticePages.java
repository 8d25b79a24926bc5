package org.rectify.notices;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rectify.cases.Cases;
import org.rectify.security.CurrentUsers;
import org.rectify.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's page for notice channels ({@code /console/notices}, administrators): each channel with its masked
 * secret, state and last failure; the failed deliveries with their reasons; a form to add a channel and to switch one
 * off. Texts are edited through the API ({@code /api/admin/notice-templates}).
 */
@Controller
public class NoticePages {

    static final String VIEW = "console/notices";

    private final NoticeChannels channels;
    private final NoticeTemplates templates;
    private final CurrentUsers users;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Cases cases;

    NoticePages(NoticeChannels channels, NoticeTemplates templates, CurrentUsers users, JdbcClient jdbc,
            ObjectMapper json, Cases cases) {
        this.channels = channels;
        this.templates = templates;
        this.users = users;
        this.jdbc = jdbc;
        this.json = json;
        this.cases = cases;
    }

    /** The page reads plain maps (the views are package-private records, which templates cannot call into). */
    private List<Map<String, Object>> maps(List<?> views) {
        return json.convertValue(views, new TypeReference<List<Map<String, Object>>>() { });
    }

    @GetMapping("/console/notices")
    String page(Model model) {
        requireAdmin();
        model.addAttribute("channels", maps(channels.list()));
        model.addAttribute("undelivered", maps(java.util.stream.Stream.concat(
                NoticeAdminController.recentDeliveries(jdbc, cases, null, "PENDING", 200).stream()
                        .filter(d -> d.lastError() != null).limit(50),
                NoticeAdminController.recentDeliveries(jdbc, cases, null, "FAILED", 50).stream()).toList()));
        model.addAttribute("kinds", Arrays.stream(ChannelKind.values())
                .map(k -> Map.of("name", k.name(), "label", k.chineseLabel())).toList());
        model.addAttribute("templates", maps(templates.list()));
        return VIEW;
    }

    @PostMapping("/console/notices")
    String create(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        requireAdmin();
        Map<String, String> settings = new LinkedHashMap<>();
        for (String key : new String[] {"signName", "templateCode", "from", "username"}) {
            if (form.get(key) != null && !form.get(key).isBlank()) {
                settings.put(key, form.get(key).strip());
            }
        }
        try {
            channels.create(new NoticeChannels.ChannelRequest(form.get("owner"), form.get("audience"), form.get("kind"),
                    form.get("name"), form.get("endpoint"), form.get("secret"), form.get("signingSecret"),
                    form.get("recipients"), settings, number(form.get("ratePerMinute")), number(form.get("batchSize")),
                    form.get("quietStart"), form.get("quietEnd"), true), users.require().id());
            redirect.addFlashAttribute("flash", "通知渠道已添加");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/console/notices";
    }

    @PostMapping("/console/notices/{id}/disable")
    String disable(@PathVariable long id, RedirectAttributes redirect) {
        requireAdmin();
        channels.delete(id);
        redirect.addFlashAttribute("flash", "通知渠道已停用");
        return "redirect:/console/notices";
    }

    private void requireAdmin() {
        if (!users.require().isAdmin()) {
            throw DomainException.forbidden("admin-only", "只有系统管理员可以设置通知渠道");
        }
    }

    private static Integer number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw DomainException.invalid("number", "“" + value + "”不是整数");
        }
    }
}

package org.rectify.console;

import java.util.Map;
import org.rectify.catalog.Catalog;
import org.rectify.catalog.UnitPeople;
import org.rectify.shared.DomainException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 单位人员 ({@code /console/unit-people}, the campaign office and administrators): the units' 主要负责人, 分管负责人 and
 * 具体责任人 whom the discipline office may name in a decision; add, correct, deactivate, reactivate. Same rules as
 * {@code /api/admin/unit-people}.
 */
@Controller
class UnitPeoplePage {

    static final String VIEW = "console/unit-people";
    private static final String PATH = "/console/unit-people";

    private final UnitPeople people;
    private final Catalog catalog;
    private final Viewers viewers;

    UnitPeoplePage(UnitPeople people, Catalog catalog, Viewers viewers) {
        this.people = people;
        this.catalog = catalog;
        this.viewers = viewers;
    }

    @GetMapping(PATH)
    String page(@RequestParam(required = false) String unit, Model model) {
        requireOffice();
        String selected = unit == null || unit.isBlank() ? null : unit.strip();
        model.addAttribute("people", people.list(selected, true));
        model.addAttribute("units", catalog.units());
        model.addAttribute("selectedUnit", selected == null ? "" : selected);
        model.addAttribute("posts", UnitPeople.Post.values());
        return VIEW;
    }

    @PostMapping(PATH)
    String add(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        requireOffice();
        return act(redirect, form.get("unitCode"), () -> {
            UnitPeople.Person added = people.add(new UnitPeople.Entry(form.get("unitCode"), form.get("name"),
                    form.get("post"), form.get("title"), null));
            return "已添加：" + added.unitName() + added.postLabel() + added.name();
        });
    }

    @PostMapping(PATH + "/{id}")
    String change(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        requireOffice();
        return act(redirect, form.get("unitCode"), () -> {
            UnitPeople.Person changed = people.change(id, new UnitPeople.Entry(null, form.get("name"), form.get("post"),
                    form.get("title") == null ? null : form.get("title"), "true".equals(form.get("active")) ? true : null));
            return "已保存：" + changed.unitName() + changed.postLabel() + changed.name();
        });
    }

    @PostMapping(PATH + "/{id}/deactivate")
    String deactivate(@PathVariable long id, @RequestParam(required = false) String unitCode,
            RedirectAttributes redirect) {
        requireOffice();
        return act(redirect, unitCode, () -> {
            UnitPeople.Person person = people.deactivate(id);
            return "已停用：" + person.unitName() + person.postLabel() + person.name() + "（已作出的问责决定不受影响）";
        });
    }

    private String act(RedirectAttributes redirect, String unit, java.util.function.Supplier<String> action) {
        try {
            redirect.addFlashAttribute("flash", action.get());
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.detail());
        }
        return "redirect:" + PATH + (unit == null || unit.isBlank() ? "" : "?unit=" + unit.strip());
    }

    private void requireOffice() {
        if (!viewers.require().isDispatcher()) {
            throw Viewer.forbidden("单位人员（仅限创建办和系统管理员）");
        }
    }
}

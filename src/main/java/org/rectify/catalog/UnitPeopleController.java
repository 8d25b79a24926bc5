package org.rectify.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The units' people (unit_person) for the campaign office and administrators; the path is refused to everyone else
 * (SecurityConfiguration). There is no delete: people named by decisions stay, deactivated.
 */
@RestController
@RequestMapping("/api/admin/unit-people")
@Tag(name = "单位人员", description = "问责决定可点名的单位人员：主要负责人、分管负责人、具体责任人（创建办、系统管理员）")
class UnitPeopleController {

    private final UnitPeople people;

    UnitPeopleController(UnitPeople people) {
        this.people = people;
    }

    @GetMapping
    @Operation(summary = "单位人员列表（可按单位筛选；默认不含已停用的）")
    List<UnitPeople.Person> list(@RequestParam(required = false) String unit,
            @RequestParam(defaultValue = "false") boolean includeInactive) {
        return people.list(unit == null || unit.isBlank() ? null : unit.strip(), includeInactive);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "添加单位人员：unitCode、name、post（PRINCIPAL 主要负责人、DEPUTY 分管负责人、RESPONSIBLE 具体责任人）、title")
    UnitPeople.Person add(@RequestBody(required = false) UnitPeople.Entry entry) {
        return people.add(entry);
    }

    @PutMapping("/{id}")
    @Operation(summary = "修改单位人员的姓名、职务、职务名称或重新启用（active）；已作出的决定不受影响")
    UnitPeople.Person change(@PathVariable long id, @RequestBody(required = false) UnitPeople.Entry entry) {
        return people.change(id, entry);
    }

    @PostMapping("/{id}/deactivation")
    @Operation(summary = "停用单位人员（不删除：已作出的决定仍点名此人；停用后不再供新的问责决定选择）")
    UnitPeople.Person deactivate(@PathVariable long id) {
        return people.deactivate(id);
    }
}

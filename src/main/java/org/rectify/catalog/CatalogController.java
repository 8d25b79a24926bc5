package org.rectify.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/catalog")
@Tag(name = "目录", description = "问题类别、责任单位、网格")
class CatalogController {

    private final Catalog catalog;

    CatalogController(Catalog catalog) {
        this.catalog = catalog;
    }

    record UnitView(String code, String name, String kind, String kindLabel, String parentCode, String leaderName) {
    }

    @GetMapping("/categories")
    @Operation(summary = "问题类别及默认行业主管部门")
    List<Category> categories() {
        return catalog.categories();
    }

    @GetMapping("/units")
    @Operation(summary = "责任单位（行业部门、街道、社区）")
    List<UnitView> units() {
        return catalog.units().stream()
                .map(u -> new UnitView(u.code(), u.name(), u.kind().name(), u.kind().chineseLabel(), u.parentCode(),
                        u.leaderName()))
                .toList();
    }

    @GetMapping("/grids")
    @Operation(summary = "网格及其所属社区、街道")
    List<Grid> grids() {
        return catalog.grids();
    }
}

package org.rectify.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.rectify.catalog.Catalog;
import org.rectify.catalog.Category;
import org.rectify.catalog.Grid;
import org.rectify.catalog.Unit;
import org.springframework.stereotype.Component;

/** Units, streets, categories and grids, read once per page from the catalog, with the names pages show. */
@Component
class Directory {

    record Snapshot(List<Unit> units, List<Category> categories, List<Grid> grids) {

        Map<String, String> unitNames() {
            return units.stream().collect(Collectors.toMap(Unit::code, Unit::name, (a, b) -> a, LinkedHashMap::new));
        }

        Map<String, String> categoryNames() {
            return categories.stream().collect(Collectors.toMap(Category::code, Category::name, (a, b) -> a,
                    LinkedHashMap::new));
        }

        List<Unit> streets() {
            return units.stream().filter(u -> u.kind() == Unit.Kind.STREET).toList();
        }

        /** Grid code → street code, for placing a case in its street. */
        Map<String, String> streetOfGrid() {
            return grids.stream().filter(g -> g.streetCode() != null)
                    .collect(Collectors.toMap(Grid::code, Grid::streetCode, (a, b) -> a));
        }

        List<String> gridsOfStreet(String streetCode) {
            return grids.stream().filter(g -> streetCode.equals(g.streetCode())).map(Grid::code).toList();
        }

        String unitName(String code) {
            if (code == null) {
                return "";
            }
            return units.stream().filter(u -> u.code().equals(code)).map(Unit::name).findFirst().orElse(code);
        }

        String categoryName(String code) {
            if (code == null) {
                return "";
            }
            return categories.stream().filter(c -> c.code().equals(code)).map(Category::name).findFirst().orElse(code);
        }

        String gridName(String code) {
            if (code == null) {
                return "";
            }
            return grids.stream().filter(g -> g.code().equals(code)).map(Grid::name).findFirst().orElse(code);
        }
    }

    private final Catalog catalog;

    Directory(Catalog catalog) {
        this.catalog = catalog;
    }

    Snapshot snapshot() {
        return new Snapshot(catalog.units(), catalog.categories(), catalog.grids());
    }
}

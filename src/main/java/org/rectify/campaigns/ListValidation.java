package org.rectify.campaigns;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.rectify.catalog.Catalog;
import org.rectify.catalog.Category;
import org.rectify.catalog.Grid;
import org.rectify.catalog.Severity;
import org.rectify.catalog.Unit;
import org.rectify.shared.Hashes;

/**
 * Checks every row of an inspection list against the catalog and the campaign's scope before anything is filed,
 * and says in Chinese what is wrong with each bad row (第N行（序号 …）：…).
 */
final class ListValidation {

    /** A validated row as stored until it is filed. */
    record ItemData(String itemNo, String rowHash, String categoryCode, String location, String description,
            List<String> photos, Severity severity, String suggestedUnit, String gridCode) {
    }

    /** One row of the list: valid ({@code data}) or rejected ({@code problem}, the whole sentence). */
    record Checked(int row, String itemNo, ItemData data, String problem) {

        boolean valid() {
            return data != null;
        }
    }

    private final Campaign campaign;
    private final Lookup lookup;

    ListValidation(Campaign campaign, Lookup lookup) {
        this.campaign = campaign;
        this.lookup = lookup;
    }

    List<Checked> check(InspectionList list) {
        List<Checked> checked = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (InspectionList.Row row : list.rows()) {
            List<String> problems = new ArrayList<>();
            ItemData data = validate(row, problems);
            String itemNo = row.cell(InspectionList.ITEM_NO);
            if (!itemNo.isEmpty() && seen.containsKey(itemNo)) {
                problems.add("序号“" + itemNo + "”与第" + seen.get(itemNo) + "行重复");
            } else if (!itemNo.isEmpty()) {
                seen.put(itemNo, row.number());
            }
            if (problems.isEmpty()) {
                checked.add(new Checked(row.number(), itemNo, data, null));
            } else {
                checked.add(new Checked(row.number(), itemNo.isEmpty() ? null : truncate(itemNo, 50), null,
                        "第" + row.number() + "行" + (itemNo.isEmpty() ? "" : "（序号 " + itemNo + "）") + "："
                                + String.join("；", problems)));
            }
        }
        return checked;
    }

    private ItemData validate(InspectionList.Row row, List<String> problems) {
        String itemNo = row.cell(InspectionList.ITEM_NO);
        if (itemNo.isEmpty()) {
            problems.add("序号为空");
        } else if (itemNo.length() > 50) {
            problems.add("序号超过 50 个字符");
        }
        Category category = category(row.cell(InspectionList.CATEGORY), problems);
        String location = required(row.cell(InspectionList.LOCATION), "位置", 300, problems);
        String description = required(row.cell(InspectionList.DESCRIPTION), "问题描述", 3800, problems);
        List<String> photos = photos(row.cell(InspectionList.PHOTOS), problems);
        String severityText = row.cell(InspectionList.SEVERITY);
        Severity severity = Arrays.stream(Severity.values())
                .filter(s -> s.chineseLabel().equals(severityText) || s.name().equalsIgnoreCase(severityText))
                .findFirst().orElse(null);
        if (severity == null) {
            problems.add(severityText.isEmpty() ? "严重程度为空，应为 一般、较重 或 紧急"
                    : "严重程度“" + severityText + "”无效，应为 一般、较重 或 紧急");
        }
        String unitText = row.cell(InspectionList.SUGGESTED_UNIT);
        String unitCode = null;
        if (!unitText.isEmpty() && !unitText.equals("无")) {
            Optional<Unit> unit = lookup.unit(unitText);
            if (unit.isEmpty()) {
                problems.add("建议责任单位“" + unitText + "”不存在");
            } else {
                unitCode = unit.get().code();
            }
        }
        String gridCode = grid(row.cell(InspectionList.GRID), problems);
        if (!problems.isEmpty()) {
            return null;
        }
        String hash = Hashes.sha256(String.join("\u001f", itemNo, category.code(), location, description,
                String.join("、", photos), severity.name(), unitCode == null ? "" : unitCode,
                gridCode == null ? "" : gridCode));
        return new ItemData(itemNo, hash, category.code(), location, description, photos, severity, unitCode, gridCode);
    }

    private Category category(String text, List<String> problems) {
        if (text.isEmpty()) {
            problems.add("问题类别为空");
            return null;
        }
        Category category = lookup.category(text).orElse(null);
        if (category == null) {
            problems.add("问题类别“" + text + "”不存在");
        } else if (!campaign.categoryCodes().isEmpty() && !campaign.categoryCodes().contains(category.code())) {
            problems.add("问题类别“" + category.name() + "”不在本专项整治的范围内");
        }
        return category;
    }

    private static String required(String text, String what, int max, List<String> problems) {
        if (text.isEmpty()) {
            problems.add(what + "为空");
        } else if (text.length() > max) {
            problems.add(what + "超过 " + max + " 个字");
        }
        return text;
    }

    private static List<String> photos(String text, List<String> problems) {
        List<String> photos = text.isEmpty() || text.equals("无") ? List.of()
                : Arrays.stream(text.split("[、,，;；\\s]+")).filter(s -> !s.isBlank()).toList();
        for (String photo : photos) {
            if (photo.length() > 200 || !photo.toLowerCase().matches(".+\\.(jpg|jpeg|png|heic|webp)")) {
                problems.add("照片文件名“" + truncate(photo, 40)
                        + "”无效，应为 .jpg、.jpeg、.png、.heic 或 .webp 文件名，没有照片请填“无”");
            }
        }
        if (String.join("、", photos).length() > 1000) {
            problems.add("照片文件名合计超过 1000 个字符");
        }
        return photos;
    }

    private String grid(String text, List<String> problems) {
        if (text.isEmpty()) {
            return null;
        }
        Optional<Grid> grid = lookup.grid(text);
        if (grid.isEmpty()) {
            problems.add("网格“" + text + "”不存在");
            return null;
        }
        if (!campaign.streetCodes().isEmpty() && !campaign.streetCodes().contains(grid.get().streetCode())) {
            problems.add("网格“" + grid.get().name() + "”所在街道不在本专项整治的范围内");
        }
        return grid.get().code();
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /**
     * The catalog as one import reads it: loaded once per import or batch, not per row (looking a row's category,
     * unit and grid up in {@link Catalog} reads whole tables, some twice: about five queries a row). A text matches
     * an entry's code first, then its name.
     */
    record Lookup(List<Category> categories, List<Unit> units, List<Grid> grids) {

        static Lookup of(Catalog catalog) {
            return new Lookup(catalog.categories(), catalog.units(), catalog.grids());
        }

        Optional<Category> category(String text) {
            return find(categories, text, Category::code, Category::name);
        }

        Optional<Unit> unit(String text) {
            return find(units, text, Unit::code, Unit::name);
        }

        Optional<Grid> grid(String text) {
            return find(grids, text, Grid::code, Grid::name);
        }

        String categoryName(String code) {
            return category(code).map(Category::name).orElse(code);
        }

        String unitName(String code) {
            return unit(code).map(Unit::name).orElse(code);
        }

        private static <T> Optional<T> find(List<T> items, String text, Function<T, String> code,
                Function<T, String> name) {
            return items.stream().filter(i -> code.apply(i).equals(text)).findFirst()
                    .or(() -> items.stream().filter(i -> name.apply(i).equals(text)).findFirst());
        }
    }
}

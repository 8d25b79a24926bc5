package org.rectify.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.rectify.catalog.Catalog;
import org.rectify.catalog.Category;
import org.rectify.catalog.ReportSource;
import org.rectify.clock.BusinessClock;
import org.rectify.security.CurrentUser;
import org.rectify.security.CurrentUsers;
import org.rectify.shared.DomainException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "案件", description = "查询案件及其全过程记录")
class CaseController {

    private final Cases cases;
    private final CaseSearch search;
    private final CaseViews views;
    private final Photos photos;
    private final Catalog catalog;
    private final CurrentUsers currentUsers;
    private final BusinessClock clock;

    CaseController(Cases cases, CaseSearch search, CaseViews views, Photos photos, Catalog catalog,
            CurrentUsers currentUsers, BusinessClock clock) {
        this.cases = cases;
        this.search = search;
        this.views = views;
        this.photos = photos;
        this.catalog = catalog;
        this.currentUsers = currentUsers;
        this.clock = clock;
    }

    record CasePage(List<CaseViews.Summary> items, int page, int size, long total) {
    }

    @GetMapping("/api/cases/{id}")
    @Operation(summary = "案件详情：状态、单位、时限、照片、全过程记录和规则决定")
    CaseViews.Detail get(@PathVariable long id) {
        RectificationCase c = cases.require(id);
        CurrentUser user = currentUsers.require();
        views.requireVisible(c, user);
        return views.detailFor(c, user);
    }

    @GetMapping("/api/cases")
    @Operation(summary = "案件列表（可按状态、单位、类别、来源、是否超期、关键字筛选，分页）")
    CasePage list(@RequestParam(required = false) String status, @RequestParam(required = false) String unit,
            @RequestParam(required = false) String category, @RequestParam(required = false) String source,
            @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > 200) {
            throw DomainException.invalid("bad-paging", "分页参数无效：page 从 0 开始，size 为 1 到 200");
        }
        CurrentUser user = currentUsers.require();
        CaseSearch.Filter filter = new CaseSearch.Filter(
                parse(CaseStatus.class, status, "状态"), blank(unit), blank(category),
                parse(ReportSource.class, source, "来源"), overdue, blank(q),
                user.seesAllCases() ? null : user.unitCodes(), user.id());
        CaseSearch.Page result = search.search(filter, page, size, clock.now());
        Map<String, String> unitNames = catalog.units().stream()
                .collect(Collectors.toMap(u -> u.code(), u -> u.name()));
        Map<String, String> categoryNames = catalog.categories().stream()
                .collect(Collectors.toMap(Category::code, Category::name));
        return new CasePage(result.items().stream().map(c -> views.summary(c, unitNames, categoryNames)).toList(),
                page, size, result.total());
    }

    @GetMapping("/api/photos/{id}")
    @Operation(summary = "下载照片")
    ResponseEntity<byte[]> photo(@PathVariable long id) {
        Photos.PhotoContent photo = photos.content(id)
                .orElseThrow(() -> DomainException.notFound("photo-not-found", "照片 " + id + " 不存在"));
        views.requireVisible(cases.require(photo.caseId()), currentUsers.require());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(photo.bytes());
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("bad-filter", what + "“" + value + "”无效，可选值："
                    + java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining("、")));
        }
    }
}

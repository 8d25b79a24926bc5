package org.rectify.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.rectify.security.CurrentUser;
import org.rectify.security.CurrentUsers;
import org.rectify.shared.DomainException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log and the integrity check, for administrators only. */
@RestController
@RequestMapping("/api/admin")
@Tag(name = "审计", description = "审计日志与防篡改校验（仅系统管理员）")
class AuditController {

    private static final int MAX_PAGE_SIZE = 500;

    private final AuditLog log;
    private final Integrity integrity;
    private final CurrentUsers users;

    AuditController(AuditLog log, Integrity integrity, CurrentUsers users) {
        this.log = log;
        this.integrity = integrity;
        this.users = users;
    }

    @GetMapping("/audit")
    @Operation(summary = "审计日志（分页，最新在前）", description = "可按时间、账号、动作（* 为通配）、类别、结果、案件筛选")
    Map<String, Object> audit(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String category, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) Long caseId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        requireAdmin();
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw DomainException.invalid("bad-page", "page 不能为负数，size 应在 1 到 " + MAX_PAGE_SIZE + " 之间");
        }
        List<Map<String, Object>> items = log.page(new AuditQuery(from, to, blankToNull(actor), blankToNull(action),
                blankToNull(category), blankToNull(outcome), caseId, page, size));
        return Map.of("page", page, "size", size, "items", items);
    }

    @GetMapping("/integrity")
    @Operation(summary = "防篡改校验", description = "重新计算审计日志、案件全程记录、照片和已发文书的哈希链，指出每条链第一处断裂")
    Integrity.Report integrity() {
        requireAdmin();
        return integrity.check();
    }

    private void requireAdmin() {
        CurrentUser me = users.require();
        if (!me.isAdmin()) {
            throw DomainException.forbidden("admin-only", "只有系统管理员可以查看审计日志和防篡改校验");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

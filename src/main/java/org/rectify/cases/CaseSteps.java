package org.rectify.cases;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rectify.catalog.Catalog;
import org.rectify.catalog.Category;
import org.rectify.shared.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * What each step of the lifecycle does to a case, whoever drives it (a Tasklist form or the API): checks
 * the input, changes the case, writes the history. Throws {@link DomainException} before changing
 * anything when the input does not fit.
 */
@Service
public class CaseSteps {

    public enum RejectionReason {
        NOT_A_PROBLEM("经核实不是问题"), OUTSIDE_ZONE("不在本区管辖范围"), DUPLICATE("与已有案件重复");

        private final String chineseLabel;

        RejectionReason(String chineseLabel) {
            this.chineseLabel = chineseLabel;
        }

        public String chineseLabel() {
            return chineseLabel;
        }
    }

    public record NewPhoto(String fileName, byte[] bytes) {
    }

    private static final int MAX_REASON = 500;
    private static final int MAX_NOTE = 2000;

    private final Cases cases;
    private final CaseHistory history;
    private final Catalog catalog;
    private final Photos photos;
    private final ApplicationEventPublisher events;

    CaseSteps(Cases cases, CaseHistory history, Catalog catalog, Photos photos, ApplicationEventPublisher events) {
        this.cases = cases;
        this.history = history;
        this.catalog = catalog;
        this.photos = photos;
        this.events = events;
    }

    /** The dispatcher files a public report as a case, optionally correcting its category and location. */
    public void file(long caseId, String correctedCategory, String correctedAddress, String correctedGrid, String actor,
            OffsetDateTime now) {
        RectificationCase c = cases.lock(caseId);
        String category = blankToNull(correctedCategory);
        String address = blankToNull(correctedAddress);
        String grid = blankToNull(correctedGrid);
        Map<String, Object> corrections = new LinkedHashMap<>();
        List<String> said = new ArrayList<>();
        if (category != null && !category.equals(c.categoryCode())) {
            Category found = catalog.category(category).orElseThrow(() -> DomainException.invalid(
                    "unknown-category", "问题类别“" + category + "”不存在，请从类别列表中选择"));
            corrections.put("category", category);
            said.add("类别更正为" + found.name());
        }
        if (address != null && !address.equals(c.address())) {
            requireLength(address, 300, "地址");
            corrections.put("address", address);
            said.add("地址更正为" + address);
        }
        if (grid != null && !grid.equals(c.gridCode())) {
            var found = catalog.grid(grid).orElseThrow(() -> DomainException.invalid("unknown-grid",
                    "网格“" + grid + "”不存在，请从网格列表中选择"));
            corrections.put("grid", grid);
            said.add("网格更正为" + found.name());
        }
        cases.correct(caseId, category != null ? category : c.categoryCode(), address != null ? address : c.address(),
                grid != null ? grid : c.gridCode(), now);
        history.record(caseId, now, actor, "FILED", "核实立案" + (said.isEmpty() ? "" : "（" + String.join("，", said) + "）"),
                corrections);
    }

    /** Checks a rejection before anything changes, so the engine is never asked to take a bad one. */
    public RejectionReason checkRejection(long caseId, String reason, String duplicateOf) {
        RejectionReason parsed = parseEnum(RejectionReason.class, reason, "rejection-reason",
                "请选择不予立案理由：NOT_A_PROBLEM（不是问题）、OUTSIDE_ZONE（不在辖区）或 DUPLICATE（重复）");
        if (parsed == RejectionReason.DUPLICATE) {
            String number = blankToNull(duplicateOf);
            if (number == null) {
                throw DomainException.invalid("duplicate-of-required", "以“重复”为由不予立案时，请填写重复的案件编号");
            }
            RectificationCase original = findByNumber(number);
            if (original == null) {
                throw DomainException.invalid("duplicate-of-unknown", "案件编号“" + number + "”不存在");
            }
            if (original.id() == caseId) {
                throw DomainException.invalid("duplicate-of-itself", "不能以本案件自身作为重复案件，请填写另一个案件的编号");
            }
        }
        return parsed;
    }

    public void reject(long caseId, String reason, String comment, String duplicateOf, String actor, OffsetDateTime now) {
        RejectionReason parsed = checkRejection(caseId, reason, duplicateOf);
        String text = blankToNull(comment);
        if (text != null) {
            requireLength(text, MAX_REASON, "说明");
        }
        cases.lock(caseId);
        String duplicate = parsed == RejectionReason.DUPLICATE ? duplicateOf.strip() : null;
        cases.reject(caseId, parsed.name(), text, duplicate, now);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", parsed.name());
        if (duplicate != null) {
            details.put("duplicateOf", duplicate);
        }
        history.record(caseId, now, actor, "REJECTED", "不予立案：" + parsed.chineseLabel()
                + (duplicate == null ? "" : "（重复案件 " + duplicate + "）") + (text == null ? "" : "，说明：" + text), details);
    }

    public void accept(long caseId, String actor, OffsetDateTime now) {
        RectificationCase c = cases.lock(caseId);
        cases.setStatus(caseId, CaseStatus.IN_RECTIFICATION, now);
        history.record(caseId, now, actor, "ACCEPTED", catalog.unitName(c.leadUnitCode()) + "签收",
                Map.of("unit", c.leadUnitCode()));
    }

    public String checkReturnReason(String reason) {
        String text = blankToNull(reason);
        if (text == null) {
            throw DomainException.invalid("reason-required", "退回时必须填写退回理由");
        }
        requireLength(text, MAX_REASON, "退回理由");
        return text;
    }

    public void returnToDispatcher(long caseId, String reason, String actor, OffsetDateTime now) {
        String text = checkReturnReason(reason);
        RectificationCase c = cases.lock(caseId);
        cases.setStatus(caseId, CaseStatus.RETURNED, now);
        history.record(caseId, now, actor, "RETURNED", catalog.unitName(c.leadUnitCode()) + "退回，理由：" + text,
                Map.of("unit", c.leadUnitCode(), "reason", text));
    }

    public String checkRectificationNote(String note, int photoCount) {
        String text = blankToNull(note);
        if (text == null) {
            throw DomainException.invalid("note-required", "请填写整改情况说明");
        }
        requireLength(text, MAX_NOTE, "整改情况说明");
        if (photoCount == 0) {
            throw DomainException.invalid("after-photo-required", "请至少上传一张整改后照片");
        }
        photos.checkCount(photoCount);
        return text;
    }

    public void submitRectification(long caseId, String note, Collection<NewPhoto> afterPhotos, String actor,
            OffsetDateTime now) {
        String text = checkRectificationNote(note, afterPhotos.size());
        afterPhotos.forEach(p -> photos.checkImage(p.fileName(), p.bytes()));
        RectificationCase c = cases.lock(caseId);
        List<Long> ids = new ArrayList<>();
        for (NewPhoto photo : afterPhotos) {
            ids.add(photos.store(caseId, Photos.Stage.AFTER, photo.fileName(), photo.bytes(), actor, now));
        }
        cases.setStatus(caseId, CaseStatus.AWAITING_VERIFICATION, now);
        history.record(caseId, now, actor, "RECTIFIED", catalog.unitName(c.leadUnitCode()) + "提交整改：" + text
                + "（整改后照片 " + ids.size() + " 张）", Map.of("note", text, "photoIds", ids));
    }

    /** The verifier must not belong to the unit that fixed it; a failed check must say what is still wrong. */
    public boolean checkVerification(long caseId, String outcome, String comment, Collection<String> verifierGroups) {
        RectificationCase c = cases.require(caseId);
        if (c.leadUnitCode() != null && verifierGroups.contains(c.leadUnitCode())) {
            throw DomainException.forbidden("verifier-in-fixing-unit", "核查人不能是整改单位（"
                    + catalog.unitName(c.leadUnitCode()) + "）的人员，请由督查组其他人员核查");
        }
        boolean passed = StepOutcomes.parse(StepOutcomes.VerificationOutcome.class, outcome, "verification-outcome",
                "核查结论") == StepOutcomes.VerificationOutcome.PASS;
        String text = blankToNull(comment);
        if (!passed && text == null) {
            throw DomainException.invalid("comment-required", "核查不通过时必须填写意见，说明还需整改什么");
        }
        if (text != null) {
            requireLength(text, MAX_REASON, "核查意见");
        }
        return passed;
    }

    public void verify(long caseId, String outcome, String comment, Collection<String> verifierGroups, String actor,
            OffsetDateTime now) {
        boolean passed = checkVerification(caseId, outcome, comment, verifierGroups);
        cases.lock(caseId);
        String text = blankToNull(comment);
        history.record(caseId, now, actor, passed ? "VERIFIED" : "VERIFICATION_FAILED",
                (passed ? "核查通过" : "核查不通过，需返工") + (text == null ? "" : "：" + text),
                text == null ? Map.of("outcome", outcome) : Map.of("outcome", outcome, "comment", text));
    }

    public void close(long caseId, OffsetDateTime now) {
        RectificationCase c = cases.lock(caseId);
        cases.setStatus(caseId, CaseStatus.CLOSED, now);
        history.record(caseId, now, "系统", "CLOSED", "销号" + (c.deadline() != null && now.isAfter(c.deadline())
                ? "（超期 " + java.time.Duration.between(c.deadline(), now).toHours() + " 小时）" : "（按期）"), Map.of());
        events.publishEvent(new CaseClosed(caseId, now));
    }

    /**
     * A closed case goes back to its unit (the reporter said it is not fixed and a supervisor's re-verification
     * agreed): not a new case; its process is started again by the caller.
     */
    public RectificationCase reopen(long caseId, String reason, String actor, OffsetDateTime now) {
        RectificationCase c = cases.lock(caseId);
        if (c.status() != CaseStatus.CLOSED) {
            throw DomainException.conflict("not-closed", "案件 " + c.caseNumber() + " 当前为“" + c.status().chineseLabel()
                    + "”，只有已销号的案件可以重新交办");
        }
        cases.reopen(caseId, now);
        history.record(caseId, now, actor, "REOPENED", "回访未解决，经复核重新交办" + catalog.unitName(c.leadUnitCode())
                + "整改：" + reason, Map.of("reason", reason));
        return cases.require(caseId);
    }

    public RectificationCase findByNumber(String caseNumber) {
        return cases.findByNumber(caseNumber).orElse(null);
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String code, String message) {
        if (value != null) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value.strip())) {
                    return constant;
                }
            }
        }
        throw DomainException.invalid(code, message);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static void requireLength(String text, int max, String what) {
        if (text.length() > max) {
            throw DomainException.invalid("too-long", what + "不能超过 " + max + " 个字");
        }
    }
}

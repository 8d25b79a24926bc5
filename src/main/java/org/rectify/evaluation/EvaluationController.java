package org.rectify.evaluation;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.rectify.security.CurrentUser;
import org.rectify.security.CurrentUsers;
import org.rectify.shared.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The monthly ranking and the quarterly assessment. Every signed-in user sees every unit's row (score, rank,
 * indicators): the ranking is published in the bulletin anyway. The deduction and credit lines, which name cases,
 * are shown for a unit only to its own handlers and to the campaign office, supervisors, the discipline office and
 * admins ({@code lines} is null otherwise). Only the campaign office and admins recompute.
 */
@RestController
class EvaluationController {

    private final Evaluations evaluations;
    private final CurrentUsers currentUsers;

    EvaluationController(Evaluations evaluations, CurrentUsers currentUsers) {
        this.evaluations = evaluations;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/api/evaluation/rankings/{month}")
    @Operation(summary = "月度评比（一月一评比）：最新版本，各单位得分、排名、指标，以及扣分加分明细（案件编号和规则）")
    Evaluation ranking(@PathVariable String month) {
        return latest(Period.parseMonth(month));
    }

    @GetMapping("/api/evaluation/rankings/{month}/versions")
    @Operation(summary = "月度评比的所有版本（规则集版本、计算时间、触发方式、与上一版不同的原因）")
    List<Evaluations.Version> rankingVersions(@PathVariable String month) {
        currentUsers.require();
        return evaluations.versions(Period.parseMonth(month));
    }

    @GetMapping("/api/evaluation/rankings/{month}/versions/{version}")
    @Operation(summary = "月度评比的某一版本")
    Evaluation rankingVersion(@PathVariable String month, @PathVariable int version) {
        return version(Period.parseMonth(month), version);
    }

    @PostMapping("/api/evaluation/rankings/{month}/recompute")
    @Operation(summary = "重新计算月度评比（创建办、系统管理员）：结果与最新版本相同则不新增版本")
    ResponseEntity<Evaluations.Recomputed> recomputeRanking(@PathVariable String month) {
        return recompute(Period.parseMonth(month));
    }

    @GetMapping("/api/evaluation/assessments/{quarter}")
    @Operation(summary = "季度考核：最新版本（季度格式 2026-Q2）")
    Evaluation assessment(@PathVariable String quarter) {
        return latest(Period.parseQuarter(quarter));
    }

    @GetMapping("/api/evaluation/assessments/{quarter}/versions")
    @Operation(summary = "季度考核的所有版本")
    List<Evaluations.Version> assessmentVersions(@PathVariable String quarter) {
        currentUsers.require();
        return evaluations.versions(Period.parseQuarter(quarter));
    }

    @GetMapping("/api/evaluation/assessments/{quarter}/versions/{version}")
    @Operation(summary = "季度考核的某一版本")
    Evaluation assessmentVersion(@PathVariable String quarter, @PathVariable int version) {
        return version(Period.parseQuarter(quarter), version);
    }

    @PostMapping("/api/evaluation/assessments/{quarter}/recompute")
    @Operation(summary = "重新计算季度考核（创建办、系统管理员）")
    ResponseEntity<Evaluations.Recomputed> recomputeAssessment(@PathVariable String quarter) {
        return recompute(Period.parseQuarter(quarter));
    }

    private Evaluation latest(Period period) {
        CurrentUser user = currentUsers.require();
        Evaluation found = evaluations.latest(period).orElseThrow(() -> DomainException.notFound("not-evaluated",
                period.label() + "的" + period.kind().chineseLabel() + "尚未计算（周期结束后由定时任务计算，创建办也可发起计算）"));
        return visibleTo(found, user);
    }

    private Evaluation version(Period period, int version) {
        CurrentUser user = currentUsers.require();
        Evaluation found = evaluations.version(period, version).orElseThrow(() -> DomainException.notFound(
                "version-not-found", period.label() + "的" + period.kind().chineseLabel() + "没有第" + version + "版"));
        return visibleTo(found, user);
    }

    private ResponseEntity<Evaluations.Recomputed> recompute(Period period) {
        CurrentUser user = currentUsers.require();
        if (!user.isDispatcher() && !user.isAdmin()) {
            throw DomainException.forbidden("dispatcher-only", "只有创建办或系统管理员可以重新计算"
                    + period.kind().chineseLabel());
        }
        Evaluations.Recomputed done = evaluations.recompute(period, "MANUAL", user.id());
        Evaluations.Recomputed shown = new Evaluations.Recomputed(done.stored(), done.identicalToVersion(),
                visibleTo(done.evaluation(), user));
        return ResponseEntity.status(done.stored() ? HttpStatus.CREATED : HttpStatus.OK).body(shown);
    }

    /** Every row; the lines only of the reader's own units, unless the reader is an office that sees every case. */
    static Evaluation visibleTo(Evaluation evaluation, CurrentUser user) {
        if (user.seesAllCases()) {
            return evaluation;
        }
        return evaluation.withRows(evaluation.rows().stream()
                .map(row -> user.handlesFor(row.unitCode()) ? row : row.withLines(null)).toList());
    }
}

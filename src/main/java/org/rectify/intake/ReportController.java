package org.rectify.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "上报", description = "问题上报（巡查、网格员、志愿者、市民、热线、督查、上级检查）")
class ReportController {

    private final Intake intake;

    ReportController(Intake intake) {
        this.intake = intake;
    }

    @PostMapping(path = "/api/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "上报问题：生成案件并启动整改流程（201）；与仍在办理的同类案件相近的，并入该案件（200，linked=true，"
            + "告知案件编号）；带相同 Idempotency-Key 的重试只生成一个案件或一次并入")
    ResponseEntity<?> report(@Valid @RequestBody ReportRequest report,
            @Parameter(description = "幂等键：重试同一份报告时保持不变")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        Intake.Result result = intake.report(report, idempotencyKey);
        if (result.linked()) {
            // No new resource: the report joined an open case (重复上报), which the answer names.
            return ResponseEntity.ok()
                    .location(URI.create("/api/cases/" + result.link().id()))
                    .header("Idempotent-Replayed", Boolean.toString(result.replayed()))
                    .body(result.link());
        }
        // A replay answers exactly like the first attempt, so a client that retries cannot tell the difference.
        return ResponseEntity.created(URI.create("/api/cases/" + result.receipt().id()))
                .header("Idempotent-Replayed", Boolean.toString(result.replayed()))
                .body(result.receipt());
    }
}

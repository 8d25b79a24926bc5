package org.rectify.evaluation;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.rectify.security.CurrentUser;
import org.rectify.security.CurrentUsers;
import org.rectify.shared.DomainException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Volunteers' points: a reporter sees their own account (points, star level, each award with its case and rules),
 * as do the campaign office and admins; the ranking (总积分与星级) is open to every signed-in user.
 */
@RestController
class VolunteerController {

    private final VolunteerPoints points;
    private final CurrentUsers currentUsers;

    VolunteerController(VolunteerPoints points, CurrentUsers currentUsers) {
        this.points = points;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/api/volunteers/{reporterId}/points")
    @Operation(summary = "上报人的积分、星级和每笔积分（本人、创建办、系统管理员）")
    VolunteerPoints.Account account(@PathVariable String reporterId) {
        CurrentUser user = currentUsers.require();
        if (!user.id().equals(reporterId) && !user.isDispatcher() && !user.isAdmin()) {
            throw DomainException.forbidden("not-your-points", "只能查看本人的积分，创建办和系统管理员可以查看所有上报人的积分");
        }
        return points.account(reporterId);
    }

    @GetMapping("/api/volunteers/ranking")
    @Operation(summary = "志愿者积分排行（前 N 名，默认 50）")
    List<VolunteerPoints.Ranked> ranking(@RequestParam(defaultValue = "50") int limit) {
        currentUsers.require();
        return points.ranking(Math.max(1, Math.min(limit, 500)));
    }
}

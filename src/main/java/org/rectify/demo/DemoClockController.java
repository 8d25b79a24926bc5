package org.rectify.demo;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.rectify.clock.BusinessClock;
import org.rectify.security.CurrentUsers;
import org.rectify.shared.DomainException;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * DEMO ONLY (demo profile): moves this node's business clock, so that a new user can watch deadlines, ladder
 * timers and a campaign's clearance date fall due without waiting. The clock then keeps running from the new time
 * (an offset on the engine's clock). It is node-local: on a cluster each node keeps its own clock. Admins only.
 */
@RestController
@Profile("demo")
@RequestMapping("/api/demo/clock")
class DemoClockController {

    record ClockRequest(String at) {
    }

    private final CurrentUsers users;
    private final BusinessClock clock;

    DemoClockController(CurrentUsers users, BusinessClock clock) {
        this.users = users;
        this.clock = clock;
    }

    @GetMapping
    Map<String, Object> now() {
        return Map.of("now", clock.now(), "note", "演示用：仅本节点的业务时钟");
    }

    @PostMapping
    Map<String, Object> move(@RequestBody(required = false) ClockRequest request) {
        requireAdmin();
        if (request == null || request.at() == null || request.at().isBlank()) {
            throw DomainException.invalid("at-required", "请填写要拨到的时间 at，如 2026-06-01T09:00:00+08:00");
        }
        OffsetDateTime at;
        try {
            String text = request.at().strip();
            at = text.length() <= 19 ? LocalDateTime.parse(text.length() == 10 ? text + "T09:00" : text.replace(' ', 'T'))
                    .atZone(clock.zone()).toOffsetDateTime() : OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("bad-date", "时间“" + request.at() + "”格式不正确，应写作 2026-06-01T09:00:00+08:00");
        }
        ClockUtil.reset();
        ClockUtil.offset(at.toInstant().toEpochMilli() - System.currentTimeMillis());
        return Map.of("now", clock.now(), "note", "演示用：仅本节点的业务时钟已拨到该时间并继续走动；到期的定时任务将由作业执行器执行");
    }

    @DeleteMapping
    Map<String, Object> reset() {
        requireAdmin();
        ClockUtil.reset();
        return Map.of("now", clock.now(), "note", "业务时钟已恢复为真实时间");
    }

    private void requireAdmin() {
        if (!users.require().isAdmin()) {
            throw DomainException.forbidden("admin-only", "只有管理员可以拨动演示时钟");
        }
    }
}

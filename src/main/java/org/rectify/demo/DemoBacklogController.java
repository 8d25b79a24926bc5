package org.rectify.demo;

import java.util.List;
import java.util.Map;
import org.rectify.security.CurrentUsers;
import org.rectify.shared.DomainException;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * BENCHMARK ONLY (demo profile, admins): seeds accepted street-vending cases in bulk for "the morning after National
 * Day" (bench/timer-backlog.sh), through the real intake and acceptance, so their ladder timers are the ones the BPMN
 * creates. The benchmark calls it from a few client threads, a few hundred cases a call.
 */
@RestController
@Profile("demo")
@RequestMapping("/api/demo/backlog")
class DemoBacklogController {

    static final int MAX_CASES = 1000;

    record BacklogRequest(Integer first, Integer cases, Integer perTransaction) {
    }

    private final CurrentUsers users;
    private final DemoCases demoCases;

    DemoBacklogController(CurrentUsers users, DemoCases demoCases) {
        this.users = users;
        this.demoCases = demoCases;
    }

    @PostMapping
    Map<String, Object> seed(@RequestBody(required = false) BacklogRequest request) {
        if (!users.require().isAdmin()) {
            throw DomainException.forbidden("admin-only", "只有管理员可以生成基准测试案件");
        }
        if (request == null || request.first() == null || request.cases() == null || request.cases() < 1
                || request.cases() > MAX_CASES || request.first() < 0) {
            throw DomainException.invalid("bad-backlog", "请填写起始编号 first（不小于 0）和案件数 cases（1 到 " + MAX_CASES + "）");
        }
        int perTransaction = request.perTransaction() == null ? 10 : Math.max(1, Math.min(100, request.perTransaction()));
        List<Long> ids = demoCases.seedBacklog(request.first(), request.cases(), perTransaction);
        return Map.of("accepted", ids.size(), "firstId", ids.get(0), "lastId", ids.get(ids.size() - 1));
    }
}

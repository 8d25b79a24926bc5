package org.rectify.followup;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.rectify.shared.DomainException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates of processes/followup.bpmn, each one line into {@link Followups}. */
@Configuration(proxyBeanMethods = false)
class FollowupCallbacks {

    private final Followups followups;

    FollowupCallbacks(Followups followups) {
        this.followups = followups;
    }

    @Bean
    JavaDelegate recordFollowupSilence() {
        return execution -> followups.recordSilence(id(execution));
    }

    @Bean
    JavaDelegate applyFollowupReview() {
        return execution -> followups.review(id(execution), outcome(execution),
                (String) execution.getVariable(Followups.REVIEW_COMMENT), actor(execution));
    }

    static String outcome(DelegateExecution execution) {
        Object outcome = execution.getVariable(Followups.REVIEW_OUTCOME);
        if (!"PASS".equals(outcome) && !"FAIL".equals(outcome)) {
            throw DomainException.invalid("review-outcome", "请选择复核结论：PASS（已解决，维持销号）或 FAIL（未解决，重新交办）");
        }
        Object comment = execution.getVariable(Followups.REVIEW_COMMENT);
        if ("FAIL".equals(outcome) && (comment == null || comment.toString().isBlank())) {
            throw DomainException.invalid("comment-required", "复核不通过时必须填写意见，说明还需整改什么");
        }
        return (String) outcome;
    }

    private static long id(DelegateExecution execution) {
        return ((Number) execution.getVariable(Followups.FOLLOWUP_ID)).longValue();
    }

    private static String actor(DelegateExecution execution) {
        Authentication current = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current == null || current.getUserId() == null ? "督查组" : current.getUserId();
    }
}

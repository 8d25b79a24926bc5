package org.rectify.followup;

import java.util.Optional;
import java.util.Set;
import org.rectify.shared.DeclaredTaskForms;
import org.springframework.stereotype.Component;

/**
 * What the supervisor's 回访复核 form (processes/forms/followup-review.html) may submit through Camunda's doors: the
 * outcome and the comment, nothing that names the case or the follow-up.
 */
@Component
class FollowupForms implements DeclaredTaskForms {

    static final String TASK_REVIEW = "UserTask_FollowupReview";

    private static final Set<String> REVIEW_FIELDS = Set.of(Followups.REVIEW_OUTCOME, Followups.REVIEW_COMMENT);

    private static final DeclaredForm REVIEW = new DeclaredForm("回访复核", "followup.review", REVIEW_FIELDS::contains,
            String.join("、", Followups.REVIEW_OUTCOME, Followups.REVIEW_COMMENT));

    @Override
    public Optional<DeclaredForm> formOf(String processKey, String taskKey) {
        return Followups.PROCESS_KEY.equals(processKey) && TASK_REVIEW.equals(taskKey) ? Optional.of(REVIEW)
                : Optional.empty();
    }
}

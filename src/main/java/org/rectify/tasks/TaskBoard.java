package org.rectify.tasks;

import java.util.List;
import org.rectify.security.CurrentUser;
import org.springframework.stereotype.Service;

/** The task list as other features show it: progress per 测评体系 item (the console's dashboard). */
@Service
public class TaskBoard {

    /** One item's progress over the tasks the user may see, with its readiness light (就绪/推进中/有风险). */
    public record ItemProgress(String code, String name, int tasks, int achieved, int percent, int overdue, int stalled,
            int openProblems, String lightLabel, String tone) {
    }

    private final Achievements achievements;

    TaskBoard(Achievements achievements) {
        this.achievements = achievements;
    }

    public List<ItemProgress> progress(CurrentUser user) {
        return achievements.items(user).stream().map(i -> new ItemProgress(i.code(), i.name(), i.tasks(), i.achieved(),
                i.percent(), i.overdue(), i.stalled(), i.openProblems(), i.light().chineseLabel(), i.light().tone())).toList();
    }
}

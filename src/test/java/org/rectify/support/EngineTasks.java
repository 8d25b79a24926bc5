package org.rectify.support;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/** Works a process instance's one open task as a Tasklist user would: claim, then complete, as that user. */
public final class EngineTasks {

    private final TaskService tasks;
    private final IdentityService identity;

    public EngineTasks(TaskService tasks, IdentityService identity) {
        this.tasks = tasks;
        this.identity = identity;
    }

    public void completeAs(String user, List<String> groups, String processInstanceId, Map<String, Object> variables) {
        Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
        identity.setAuthentication(user, groups);
        try {
            tasks.claim(task.getId(), user);
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }
}

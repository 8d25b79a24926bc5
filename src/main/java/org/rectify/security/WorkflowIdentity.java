package org.rectify.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.rectify.catalog.Catalog;
import org.rectify.catalog.Unit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps Camunda's groups, authorizations and shared Tasklist filters in step with the organisation: every
 * unit is a group, every role is a group, and each group may use exactly the webapps its work needs.
 * Idempotent; runs at every start. Creates no user accounts.
 */
@Component
public class WorkflowIdentity {

    private static final Logger log = LoggerFactory.getLogger(WorkflowIdentity.class);
    static final String UNIT_TASKS_FILTER = "本单位待办";
    static final String MY_TASKS_FILTER = "我的任务";
    private static final String DISCIPLINE_PROCESS = "discipline";

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;
    private final Catalog catalog;

    private final RepositoryService repositoryService;

    WorkflowIdentity(IdentityService identityService, AuthorizationService authorizationService,
            FilterService filterService, TaskService taskService, Catalog catalog,
            RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
        this.catalog = catalog;
    }

    public void synchronise() {
        ensureGroup(Roles.ADMIN_GROUP, "系统管理员", Roles.ROLE_GROUP_TYPE);
        ensureGroup(Roles.DISPATCHER, "创建办（调度）", Roles.ROLE_GROUP_TYPE);
        ensureGroup(Roles.SUPERVISOR, "督查组", Roles.ROLE_GROUP_TYPE);
        ensureGroup(Roles.DISCIPLINE, "纪工委", Roles.ROLE_GROUP_TYPE);
        ensureGroup(Roles.REPORTER, "巡查与上报人员", Roles.ROLE_GROUP_TYPE);
        ensureGroup(Roles.INTEGRATION, "集成账号（引擎 REST 接口）", Roles.ROLE_GROUP_TYPE);
        ensureGroup(Roles.HOTLINE, "12345 热线话务员", Roles.ROLE_GROUP_TYPE);
        ensureGroup(Roles.VOLUNTEER, "注册志愿者", Roles.ROLE_GROUP_TYPE);
        ensureGroup(Roles.CITIZEN, "市民", Roles.ROLE_GROUP_TYPE);
        for (Unit unit : catalog.units()) {
            ensureGroup(unit.code(), unit.name(), Roles.UNIT_GROUP_TYPE);
        }
        for (Resource resource : Resources.values()) {
            grantGroup(Roles.ADMIN_GROUP, resource, ANY, Permissions.ALL);
        }
        // Everyone signed in may open Tasklist, see the shared filters, and read process definitions (for forms and diagrams).
        grantUser(ANY, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grantUser(ANY, Resources.FILTER, ANY, Permissions.READ);
        grantUser(ANY, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
        grantGroup(Roles.DISCIPLINE, Resources.PROCESS_DEFINITION, ANY, Permissions.READ_HISTORY);
        grantGroup(Roles.DISCIPLINE, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        // The other offices read every process but the discipline office's: its variables (the rules' proposal, the
        // office's reasons) are discipline data, which the engine's history would otherwise hand out.
        List<String> keys = repositoryService.createProcessDefinitionQuery().latestVersion().list().stream()
                .map(ProcessDefinition::getKey).filter(key -> !DISCIPLINE_PROCESS.equals(key)).distinct().toList();
        for (String office : List.of(Roles.DISPATCHER, Roles.SUPERVISOR)) {
            revokeGroup(office, Resources.PROCESS_DEFINITION, ANY);
            revokeGroup(office, Resources.PROCESS_INSTANCE, ANY);
            for (String key : keys) {
                grantGroup(office, Resources.PROCESS_DEFINITION, key, Permissions.READ_HISTORY);
                grantGroup(office, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ_INSTANCE);
            }
        }
        withdrawNonAdminRights();
        ensureFilter(UNIT_TASKS_FILTER, -10, "本单位（或本岗位）可以认领和办理的任务",
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks().orderByDueDate().asc());
        ensureFilter(MY_TASKS_FILTER, -5, "已由我认领的任务",
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
    }

    /**
     * Cockpit (statistics over every process) is the administrators' alone, earlier grants included; and nobody may
     * delete their own account: Camunda gives each new user every right over their own user entry, of which DELETE is
     * withdrawn here (UPDATE stays for changing one's password; renaming oneself is refused at the engine's doors).
     */
    public void withdrawNonAdminRights() {
        for (Authorization cockpit : authorizationService.createAuthorizationQuery().resourceType(Resources.APPLICATION)
                .resourceId("cockpit").list()) {
            if (!Roles.ADMIN_GROUP.equals(cockpit.getGroupId())) {
                authorizationService.deleteAuthorization(cockpit.getId());
            }
        }
        for (Authorization own : authorizationService.createAuthorizationQuery().resourceType(Resources.USER)
                .authorizationType(AUTH_TYPE_GRANT).hasPermission(Permissions.DELETE).list()) {
            if (own.getUserId() != null && own.getUserId().equals(own.getResourceId())) {
                own.removePermission(Permissions.DELETE);
                authorizationService.saveAuthorization(own);
            }
        }
    }

    private void ensureGroup(String id, String name, String type) {
        Group group = identityService.createGroupQuery().groupId(id).singleResult();
        if (group == null) {
            group = identityService.newGroup(id);
            group.setName(name);
            group.setType(type);
            identityService.saveGroup(group);
            log.info("Created group {} ({})", id, name);
        }
    }

    private void grantGroup(String groupId, Resource resource, String resourceId, Permission permission) {
        if (authorizationService.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource)
                .resourceId(resourceId).hasPermission(permission).count() > 0) {
            return;
        }
        // The engine keeps one grant per group and resource: a further permission joins the existing one.
        Authorization existing = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
        if (existing != null) {
            existing.addPermission(permission);
            authorizationService.saveAuthorization(existing);
            return;
        }
        Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        authorization.addPermission(permission);
        authorizationService.saveAuthorization(authorization);
    }

    /** Withdraws what earlier versions granted a group on a resource (ANY): the start-up narrows it again. */
    private void revokeGroup(String groupId, Resource resource, String resourceId) {
        for (Authorization granted : authorizationService.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).list()) {
            authorizationService.deleteAuthorization(granted.getId());
        }
    }

    private void grantUser(String userId, Resource resource, String resourceId, Permission permission) {
        // For every user ("*") the engine only honours a GLOBAL authorization; a GRANT for "*" is ignored.
        int type = ANY.equals(userId) ? AUTH_TYPE_GLOBAL : AUTH_TYPE_GRANT;
        if (authorizationService.createAuthorizationQuery().authorizationType(type).userIdIn(userId)
                .resourceType(resource).resourceId(resourceId).hasPermission(permission).count() > 0) {
            return;
        }
        Authorization authorization = authorizationService.createNewAuthorization(type);
        authorization.setUserId(userId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        authorization.addPermission(permission);
        authorizationService.saveAuthorization(authorization);
    }

    private void ensureFilter(String name, int priority, String description,
            org.camunda.bpm.engine.task.TaskQuery query) {
        if (filterService.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Filter filter = filterService.newTaskFilter(name);
        filter.setOwner(Roles.ADMIN_GROUP);
        filter.setQuery(query);
        filter.setProperties(Map.of(
                "priority", priority,
                "description", description,
                "refresh", true,
                "variables", List.of(
                        Map.of("name", "caseNumber", "label", "案件编号"),
                        Map.of("name", "title", "label", "标题"),
                        Map.of("name", "categoryName", "label", "类别"),
                        Map.of("name", "deadlineText", "label", "整改时限"))));
        filterService.saveFilter(filter);
        log.info("Created shared Tasklist filter {}", name);
    }
}

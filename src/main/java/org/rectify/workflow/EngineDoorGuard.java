package org.rectify.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.rectify.security.EngineAuthentication;
import org.rectify.security.CurrentUsers;
import org.rectify.shared.AuditedAct;
import org.rectify.shared.DeclaredTaskForms;
import org.rectify.shared.DomainException;
import org.rectify.web.Problems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The step gate on Camunda's own doors: Tasklist's engine API ({@code /camunda/api/engine/engine/default/…}) and
 * {@code /engine-rest}. Only here can one see exactly what a client sent: inside the engine a task listener sees the
 * sent values merged with the process's, so an application-owned variable ({@code caseId}, {@code leadUnit} …)
 * overwritten by a completion looks like any other. So a completion ({@code complete}, {@code submit-form}) is read
 * before the engine sees it and refused unless every variable it sends is one its form declares
 * ({@link DeclaredTaskForms}); for a case step the whole {@link StepGate} runs, under the case's row lock held until
 * the completion commits (the engine joins this transaction), so of two people completing at once the second gets a
 * clear 409 instead of a lost change. Claims pass the gate too (unit, status, someone else's claim). Every other
 * write that could change a task or a process's variables without passing a form (setting variables, throwing a BPMN
 * error or escalation at a task, reassigning or delegating it, editing its candidates) is an administrator's tool.
 * The engine's task listener repeats the status, unit, claim and duty checks, for any door this guard does not see.
 */
class EngineDoorGuard extends OncePerRequestFilter {

    private static final Pattern WEBAPP = Pattern.compile("^/camunda/api/engine/engine/[^/]+(/.*)$");
    private static final Pattern REST = Pattern.compile("^/engine-rest(?:/engine/[^/]+)?(/.*)$");
    private static final Pattern TASK_ACT = Pattern.compile("^/task/([^/]+)/(complete|submit-form|claim|unclaim)$");
    private static final Pattern TASK_WRITE = Pattern.compile(
            "^/task/[^/]+/(variables|localVariables|assignee|delegate|identity-links|bpmnError|bpmnEscalation|resolve)(/.*)?$");
    /** Oneself in Camunda Admin's profile page: renaming or deleting one's own account is an administrator's act. */
    private static final Pattern USER_PROFILE = Pattern.compile("^/user/[^/]+(/profile)?$");
    private static final Pattern TASK_ITSELF = Pattern.compile("^/task/[^/]+$");
    private static final Pattern INSTANCE_VARIABLES = Pattern.compile(
            "^/(process-instance|execution|case-instance|case-execution)/[^/]+/(variables|localVariables)(/.*)?$");

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final CurrentUsers currentUsers;
    private final StepGate gate;
    private final List<DeclaredTaskForms> forms;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;

    EngineDoorGuard(TaskService taskService, RuntimeService runtimeService, RepositoryService repositoryService,
            IdentityService identityService,
            CurrentUsers currentUsers, StepGate gate, List<DeclaredTaskForms> forms, ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager, ObjectMapper json) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
        this.currentUsers = currentUsers;
        this.gate = gate;
        this.forms = forms;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher door = WEBAPP.matcher(path);
        if (!door.matches()) {
            door = REST.matcher(path);
        }
        if (!door.matches() || HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod())
                || HttpMethod.OPTIONS.matches(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<StepGate.Actor> actor = actor(request, path.startsWith("/engine-rest"));
        if (actor.isEmpty()) {
            chain.doFilter(request, response); // Camunda answers 401 itself
            return;
        }
        String resource = door.group(1);
        try {
            Matcher act = TASK_ACT.matcher(resource);
            if (act.matches() && HttpMethod.POST.matches(request.getMethod())) {
                guardTaskAct(act.group(1), act.group(2), actor.get(), request, response, chain);
                return;
            }
            boolean changesTask = TASK_WRITE.matcher(resource).matches() || INSTANCE_VARIABLES.matcher(resource).matches()
                    || (TASK_ITSELF.matcher(resource).matches() && !HttpMethod.POST.matches(request.getMethod()));
            if (!actor.get().isAdmin() && USER_PROFILE.matcher(resource).matches()
                    && !HttpMethod.POST.matches(request.getMethod())) {
                events.publishEvent(AuditedAct.refused(actor.get().id(), "user.change", null,
                        request.getMethod() + " " + resource));
                throw DomainException.forbidden("own-account-refused", "不能修改账号姓名或删除账号；如需更改，请联系系统管理员");
            }
            if (!actor.get().isAdmin() && changesTask) {
                events.publishEvent(AuditedAct.refused(actor.get().id(), "engine.write", null,
                        request.getMethod() + " " + resource));
                throw DomainException.forbidden("engine-write-refused", "不能直接修改任务或流程变量、改派任务或向任务抛出事件；"
                        + "请打开任务表单办理（签收、整改、核查等），由系统记录办理结果");
            }
            chain.doFilter(request, response);
        } catch (DomainException refusal) {
            if (!response.isCommitted()) {
                write(response, request, refusal);
            }
        }
    }

    private void guardTaskAct(String taskId, String verb, StepGate.Actor actor, HttpServletRequest request,
            HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        byte[] body = request.getInputStream().readAllBytes();
        HttpServletRequest replay = new Replay(request, body);
        Task task = asSystem(() -> taskService.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult());
        if (task == null) {
            chain.doFilter(replay, response); // Camunda says it does not exist
            return;
        }
        JsonNode sent = parse(body);
        if ("unclaim".equals(verb)) {
            if (!actor.isAdmin() && task.getAssignee() != null && !task.getAssignee().equals(actor.id())) {
                throw DomainException.forbidden("not-your-claim", "该任务由 " + task.getAssignee()
                        + " 认领，只有其本人或管理员可以取消认领");
            }
            chain.doFilter(replay, response);
            return;
        }
        if ("claim".equals(verb)) {
            String claimant = sent.path("userId").asText(null);
            if (!actor.isAdmin() && claimant != null && !claimant.equals(actor.id())) {
                throw DomainException.forbidden("claim-for-other", "只能为自己认领任务，不能替他人认领");
            }
        }
        List<String> names = new ArrayList<>();
        if (!"claim".equals(verb)) {
            sent.path("variables").fieldNames().forEachRemaining(names::add);
        }
        String processKey = task.getProcessDefinitionId() == null ? null
                : asSystem(() -> repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getKey());
        Optional<CaseStep> step = CaseStep.of(processKey, task.getTaskDefinitionKey());
        if (step.isEmpty()) {
            checkDeclared(task, processKey, actor, names);
            chain.doFilter(replay, response);
            return;
        }
        String businessKey = asSystem(() -> {
            ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                    .processInstanceId(task.getProcessInstanceId()).singleResult();
            return instance == null ? null : instance.getBusinessKey();
        });
        StepGate.TaskAtHand atHand = new StepGate.TaskAtHand(task.getId(), processKey, task.getTaskDefinitionKey(),
                task.getProcessInstanceId(), businessKey, task.getAssignee());
        try {
            transactions.executeWithoutResult(status -> {
                // The lock taken here is held until the engine's completion, which joins this transaction, commits.
                gate.admit(atHand, actor, names);
                try {
                    chain.doFilter(replay, response);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (ServletException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (TransactionException e) {
            // The engine failed and marked the transaction for rollback; Camunda has already answered the client.
            logger.debug("Completion of task " + taskId + " rolled back", e);
        }
    }

    private void checkDeclared(Task task, String processKey, StepGate.Actor actor, List<String> names) {
        for (DeclaredTaskForms module : forms) {
            Optional<DeclaredTaskForms.DeclaredForm> form = module.formOf(processKey, task.getTaskDefinitionKey());
            if (form.isPresent()) {
                List<String> undeclared = names.stream().filter(name -> !form.get().allows().test(name)).sorted().toList();
                if (!undeclared.isEmpty()) {
                    String detail = "“" + form.get().stepName() + "”环节不接受以下内容：" + String.join("、", undeclared)
                            + "。本环节只能提交：" + form.get().declaredText();
                    events.publishEvent(AuditedAct.refused(actor.id(), form.get().action(), null, detail));
                    throw DomainException.invalid("undeclared-variables", detail);
                }
                return;
            }
        }
        // A task no module declares a form for takes no values at all: nothing reaches a process unlisted.
        if (!names.isEmpty()) {
            String detail = "“" + task.getName() + "”环节没有声明可提交的内容，不接受：" + String.join("、", names.stream().sorted().toList());
            events.publishEvent(AuditedAct.refused(actor.id(), "engine.complete", null, detail));
            throw DomainException.invalid("undeclared-variables", detail);
        }
    }

    /** Who is acting: for /engine-rest the user its authentication filter signed in; for Tasklist, the session's. */
    private Optional<StepGate.Actor> actor(HttpServletRequest request, boolean engineRest) {
        String userId = null;
        if (engineRest) {
            Authentication authentication = identityService.getCurrentAuthentication();
            userId = authentication == null ? null : authentication.getUserId();
        } else {
            HttpSession session = request.getSession(false);
            Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
            var webappUser = authentications == null ? null : authentications.getAuthenticationForProcessEngine("default");
            userId = webappUser == null ? null : webappUser.getIdentityId();
        }
        return Optional.ofNullable(userId).flatMap(currentUsers::find)
                .map(user -> new StepGate.Actor(user.id(), Set.copyOf(user.groupIds())));
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw DomainException.invalid("malformed-body", "请求体不是有效的 JSON");
        }
    }

    private <T> T asSystem(Supplier<T> work) {
        return EngineAuthentication.asSystem(identityService, work);
    }

    /**
     * problem+json, with Camunda's own {@code type} and {@code message} members too, which Tasklist shows in its
     * notification.
     */
    private void write(HttpServletResponse response, HttpServletRequest request, DomainException refusal)
            throws IOException {
        ProblemDetail problem = Problems.of(refusal);
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("message", refusal.detail());
        response.setStatus(Problems.statusOf(refusal).value());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The request with its body read once here and given again to Camunda. */
    private static final class Replay extends HttpServletRequestWrapper {

        private final byte[] body;

        Replay(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}

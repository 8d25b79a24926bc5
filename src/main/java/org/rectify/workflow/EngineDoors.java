package org.rectify.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.rectify.security.CurrentUsers;
import org.rectify.security.EngineRestSecurity;
import org.rectify.shared.DeclaredTaskForms;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** Puts the {@link EngineDoorGuard} on Tasklist's engine API and on /engine-rest, after /engine-rest's sign-in. */
@Configuration(proxyBeanMethods = false)
class EngineDoors {

    @Bean
    FilterRegistrationBean<EngineDoorGuard> engineDoorGuard(TaskService taskService, RuntimeService runtimeService,
            RepositoryService repositoryService, IdentityService identityService, CurrentUsers currentUsers, StepGate gate, List<DeclaredTaskForms> forms,
            ApplicationEventPublisher events, PlatformTransactionManager transactionManager, ObjectMapper json) {
        FilterRegistrationBean<EngineDoorGuard> registration = new FilterRegistrationBean<>(new EngineDoorGuard(
                taskService, runtimeService, repositoryService, identityService, currentUsers, gate, forms, events, transactionManager,
                json));
        registration.setName("engine-door-guard");
        registration.addUrlPatterns("/camunda/api/engine/*", "/engine-rest/*");
        registration.setOrder(EngineRestSecurity.AFTER_ENGINE_REST_SIGN_IN);
        return registration;
    }
}

package org.rectify.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Deploys the processes folder (BPMN and forms) under relative resource names, so that
 * {@code embedded:deployment:forms/…} keys resolve. Duplicate filtering is on, so an unchanged folder makes no
 * new version; when anything changed, every file is deployed again ({@code deployChangedOnly = false}), so each
 * process version has its forms in its own deployment. Forms are deployed assembled ({@link FormAssembler}), so the
 * shared script and styles in {@code forms/_shared/} are part of each deployment too.
 */
@Component
class ProcessDeployer implements InitializingBean {

    static final String DEPLOYMENT_NAME = "rectify-processes";
    private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);

    private final RepositoryService repositoryService;
    private final Path folder;

    ProcessDeployer(RepositoryService repositoryService, @Value("${rectify.processes-dir}") String processesDir) {
        this.repositoryService = repositoryService;
        this.folder = Path.of(processesDir).toAbsolutePath().normalize();
    }

    @Override
    public void afterPropertiesSet() {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("Processes folder " + folder + " does not exist (set RECTIFY_PROCESSES_DIR)");
        }
        DeploymentBuilder builder = repositoryService.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source("processes folder")
                .enableDuplicateFiltering(false); // filtering on; "false" means: redeploy all files on any change
        List<Path> files = deployableFiles();
        FormAssembler forms = new FormAssembler(folder.resolve("forms"));
        for (Path file : files) {
            String resourceName = folder.relativize(file).toString().replace('\\', '/');
            try {
                byte[] content = FormAssembler.isForm(folder, file)
                        ? forms.assemble(file).getBytes(StandardCharsets.UTF_8) : Files.readAllBytes(file);
                builder.addInputStream(resourceName, new java.io.ByteArrayInputStream(content));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        Deployment deployment = builder.deploy();
        log.info("Processes from {} ({} files) are deployment {}", folder, files.size(), deployment.getId());
    }

    List<Path> deployableFiles() {
        Path shared = folder.resolve("forms").resolve(FormAssembler.SHARED);
        try (Stream<Path> walk = Files.walk(folder)) {
            // the shared pieces are deployed inside the forms that include them, not on their own
            return walk.filter(Files::isRegularFile)
                    .filter(f -> !f.startsWith(shared))
                    .filter(f -> {
                        String name = f.getFileName().toString();
                        return name.endsWith(".bpmn") || name.endsWith(".html") || name.endsWith(".form")
                                || name.endsWith(".js") || name.endsWith(".css");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
    }
}

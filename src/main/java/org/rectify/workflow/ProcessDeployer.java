package org.rectify.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * process version has its forms in its own deployment.
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
        for (Path file : files) {
            String resourceName = folder.relativize(file).toString().replace('\\', '/');
            try {
                builder.addInputStream(resourceName, new java.io.ByteArrayInputStream(Files.readAllBytes(file)));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        Deployment deployment = builder.deploy();
        log.info("Processes from {} ({} files) are deployment {}", folder, files.size(), deployment.getId());
    }

    private List<Path> deployableFiles() {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
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

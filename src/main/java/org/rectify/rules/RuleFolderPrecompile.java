package org.rectify.rules;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Compiles the rules folder on a thread of its own from the moment the environment is known, so that the
 * longest single step of a start (compiling every decision's KieBase, several seconds) runs on the second core
 * while the main thread builds the context, starts the database and the engine. Nothing is decided or stored
 * here: {@link RuleSetStartup} still decides which version runs, and takes this compiled copy only if the folder
 * it reads then holds byte for byte the files compiled here; otherwise (folder changed, unreadable, rules that
 * do not compile) it compiles as it always did. Readiness is unaffected: the rules bean waits for this result
 * while the context is still being built.
 * <p>
 * Registered by {@code RectifyApplication.main} (not for tests, whose contexts would each pay for a compile they
 * may not use).
 */
public final class RuleFolderPrecompile implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String BEAN_NAME = "rectifyRuleFolderPrecompile";
    private static final Logger log = LoggerFactory.getLogger(RuleFolderPrecompile.class);

    /** The folder's files as read before the start, and their compiled set (empty if they did not compile). */
    record Compiled(RuleSetFiles files, Optional<CompiledRuleSet> ruleSet) {
    }

    /** What {@link RuleSetStartup} finds in the context: a compile that may still be running. */
    static final class Pending {

        private final CompletableFuture<Optional<Compiled>> result;

        Pending(CompletableFuture<Optional<Compiled>> result) {
            this.result = result;
        }

        /**
         * The early compile of exactly these files (same paths, same bytes), if there was one; waits for it to
         * finish. Its files are those read early, with their content hash already computed.
         */
        Optional<Compiled> of(RuleSetFiles files) {
            try {
                return result.get().filter(c -> c.files().sameBytes(files));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } catch (ExecutionException e) {
                return Optional.empty();
            }
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String dir = context.getEnvironment().getProperty("rectify.rules-dir");
        if (dir == null || context.getBeanFactory().containsSingleton(BEAN_NAME)) {
            return;
        }
        context.getBeanFactory().registerSingleton(BEAN_NAME, start(Path.of(dir).toAbsolutePath().normalize()));
    }

    static Pending start(Path folder) {
        CompletableFuture<Optional<Compiled>> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(compile(folder));
            } catch (Throwable t) { // never leave the start waiting
                result.completeExceptionally(t);
            }
        }, "rules-precompile");
        thread.setDaemon(true);
        thread.start();
        return new Pending(result);
    }

    private static Optional<Compiled> compile(Path folder) {
        long started = System.nanoTime();
        RuleSetFiles files;
        try {
            files = RuleSetFiles.readFolder(folder);
        } catch (RuntimeException unreadable) {
            return Optional.empty(); // RuleSetStartup reads the folder again and says what is wrong
        }
        try {
            CompiledRuleSet compiled = CompiledRuleSet.compile(files);
            log.info("Rules folder {} compiled ahead of the start in {} ms (version {})", folder,
                    (System.nanoTime() - started) / 1_000_000, compiled.shortVersion());
            return Optional.of(new Compiled(files, Optional.of(compiled)));
        } catch (RuntimeException refused) {
            // the gate compiles these files again at the start and reports every problem where it belongs
            return Optional.of(new Compiled(files, Optional.empty()));
        }
    }
}

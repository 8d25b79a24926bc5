package org.rectify.rules;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A hot reload's work: read the whole rules/ folder, compile every decision (DRL and decision tables) and run
 * every scenario (the gate). {@code firstReloadInAJvm} is one shot in a fresh JVM per fork, the worst case
 * (the first reload after a start, or a node following another); {@code reload} is a reload in a JVM that has
 * compiled rules before.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RuleSetReloadBenchmarks {

    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(5)
    public RuleSetGate.Verdict firstReloadInAJvm() {
        return gate();
    }

    @Benchmark
    @Warmup(iterations = 5)
    @Measurement(iterations = 10)
    @Fork(1)
    public RuleSetGate.Verdict reload() {
        return gate();
    }

    private static RuleSetGate.Verdict gate() {
        RuleSetGate.Verdict verdict = RuleSetGate.check(RuleSetFiles.readFolder(Path.of("rules")));
        if (!verdict.passed()) {
            throw new IllegalStateException(verdict.summary());
        }
        return verdict;
    }
}

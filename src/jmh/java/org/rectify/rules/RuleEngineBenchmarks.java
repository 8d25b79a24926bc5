package org.rectify.rules;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.rectify.catalog.ReportSource;
import org.rectify.catalog.Severity;

/**
 * One decision as the application makes it, on the real rules/ folder: routing + time limit for a new case,
 * the escalation ladder, and an accountability proposal. Sample time, so JMH reports the median and p99.
 * Facts rotate through a few categories, sources and records so that no single path is measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(2)
public class RuleEngineBenchmarks {

    private RuleEngine engine;
    private AccountabilityRules accountability;
    private List<RoutingFacts> routing;
    private List<TimeLimitFacts> timeLimits;
    private List<EscalationFacts> escalation;
    private List<AccountabilityFacts> penalties;
    private int next;

    @Setup
    public void compileTheRulesFolder() {
        engine = new RuleEngine(new RuleSetHolder(CompiledRuleSet.compile(RuleSetFiles.readFolder(Path.of("rules")))));
        accountability = new AccountabilityRules(engine);
        String[][] categories = {{"STREET_VENDING", "占道经营", "cgj"}, {"STAIRWELL_CLUTTER", "楼道杂物", "zjj"},
                {"ILLEGAL_BUILDING", "乱搭乱建", "cgj"}, {"NOISE", "噪声扰民", "sthjj"}, {"FOOD_SAFETY", "食品安全", "scjgj"}};
        ReportSource[] sources = {ReportSource.PATROL, ReportSource.CITIZEN, ReportSource.PROVINCIAL_INSPECTION};
        routing = new java.util.ArrayList<>();
        timeLimits = new java.util.ArrayList<>();
        escalation = new java.util.ArrayList<>();
        penalties = new java.util.ArrayList<>();
        for (String[] c : categories) {
            for (Severity severity : Severity.values()) {
                for (ReportSource source : sources) {
                    routing.add(new RoutingFacts(c[0], c[1], c[2], severity, source, "cxjd", "xhsq",
                            source == ReportSource.CITIZEN ? Set.of(c[2]) : Set.of()));
                    timeLimits.add(TimeLimitFacts.forAssignment(c[0], c[1], severity, source));
                    escalation.add(new EscalationFacts(c[0], c[1], severity, source, 0));
                    penalties.add(new AccountabilityFacts("高新区城市管理局", "OVERDUE", source, severity,
                            severity.ordinal() * 10, severity.ordinal(), 1, source.ordinal() % 3, source.ordinal()));
                }
            }
        }
    }

    private int nextIndex() {
        next = (next + 1) % routing.size();
        return next;
    }

    /** What assigning a new case asks the rules: who leads, and by when. */
    @Benchmark
    public void routingAndTimeLimit(Blackhole hole) {
        int i = nextIndex();
        hole.consume(engine.route(routing.get(i)));
        hole.consume(engine.timeLimit(timeLimits.get(i)));
    }

    @Benchmark
    public RuleOutcome<EscalationPolicy> escalationPolicy() {
        return engine.escalationPolicy(escalation.get(nextIndex()));
    }

    @Benchmark
    public RuleOutcome<MeasureProposal> accountabilityProposal() {
        return accountability.propose(penalties.get(nextIndex()));
    }
}

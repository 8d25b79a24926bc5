package org.rectify.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The gate every candidate rule set passes before it may decide anything: it must compile, hold every
 * decision the application asks for, and pass all of its own scenarios. Nothing here touches the database or
 * the running rules.
 */
final class RuleSetGate {

    /**
     * What the gate found. {@code compiled} is null when the files do not compile; {@code scenarios} is null
     * then too. A candidate may be activated only if {@link #passed()}.
     */
    record Verdict(RuleSetFiles files, CompiledRuleSet compiled, Scenarios.Report scenarios,
            List<RuleSetProblem> problems, long compileMillis, long scenarioMillis) {

        boolean passed() {
            return compiled != null && problems.isEmpty();
        }

        String version() {
            return files.version();
        }

        /** Rules that no scenario exercised: allowed, but worth a scenario. */
        List<String> warnings() {
            if (scenarios == null) {
                return List.of();
            }
            return scenarios.rulesNeverFired().stream()
                    .map(r -> r.file() + " " + r.place() + "：规则“" + r.rule() + "”没有任何场景测试触发它，建议在 tests/"
                            + r.decision() + ".csv 中补一条")
                    .toList();
        }

        String summary() {
            return problems.stream().map(RuleSetProblem::describe).collect(Collectors.joining("\n"));
        }
    }

    private RuleSetGate() {
    }

    static Verdict check(RuleSetFiles files) {
        return check(files, CompiledRuleSet::compile);
    }

    /** @param compiler compiles the files, or hands over a set already compiled from exactly these files */
    static Verdict check(RuleSetFiles files, Function<RuleSetFiles, CompiledRuleSet> compiler) {
        long started = System.nanoTime();
        CompiledRuleSet compiled;
        try {
            compiled = compiler.apply(files);
        } catch (RuleSetException e) {
            List<RuleSetProblem> problems = e.problems().isEmpty()
                    ? List.of(new RuleSetProblem("(规则集)", "", e.getMessage())) : e.problems();
            return new Verdict(files, null, null, problems, millisSince(started), 0);
        }
        long compileMillis = millisSince(started);
        List<RuleSetProblem> problems = new ArrayList<>();
        for (Decisions.Decision decision : Decisions.all()) {
            if (!compiled.decisions().contains(decision.name())) {
                problems.add(new RuleSetProblem(decision.name() + ".*", "", "缺少决策“" + decision.name() + "”（"
                        + decision.chineseName() + "）的规则文件：系统每天都要用它做决定，不能删除"));
            }
        }
        long scenariosStarted = System.nanoTime();
        Scenarios.Report scenarios = Scenarios.run(compiled);
        problems.addAll(scenarios.asProblems());
        return new Verdict(files, compiled, scenarios, problems, compileMillis, millisSince(scenariosStarted));
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}

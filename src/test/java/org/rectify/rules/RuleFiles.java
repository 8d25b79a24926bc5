package org.rectify.rules;

import java.nio.file.Path;

/** The real rule files of the project, compiled the way the application compiles them. */
final class RuleFiles {

    private static CompiledRuleSet compiled;

    private RuleFiles() {
    }

    static synchronized CompiledRuleSet compiled() {
        if (compiled == null) {
            compiled = CompiledRuleSet.compile(RuleSetFiles.readFolder(Path.of("rules")));
        }
        return compiled;
    }

    static RuleEngine engine() {
        CompiledRuleSet ruleSet = compiled();
        return new RuleEngine(new RuleSetHolder(ruleSet));
    }
}

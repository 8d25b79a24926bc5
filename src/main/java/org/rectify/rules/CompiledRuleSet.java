package org.rectify.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;
import org.kie.api.KieBase;
import org.kie.api.builder.Message;
import org.kie.api.builder.Results;
import org.kie.api.io.ResourceType;
import org.kie.internal.io.ResourceFactory;
import org.kie.internal.utils.KieHelper;

/**
 * One immutable set of rule files, compiled: one KieBase per decision file, so that the rules of one
 * decision never see another decision's facts. A version is the hash of the files' names and contents.
 */
final class CompiledRuleSet {

    private final String version;
    private final SortedMap<String, String> sources;
    private final Map<String, KieBase> kieBasesByDecision;

    private CompiledRuleSet(String version, SortedMap<String, String> sources, Map<String, KieBase> kieBases) {
        this.version = version;
        this.sources = sources;
        this.kieBasesByDecision = kieBases;
    }

    /** @param sources file name → DRL text, sorted by file name */
    static CompiledRuleSet compile(SortedMap<String, String> sources) {
        Map<String, KieBase> kieBases = new LinkedHashMap<>();
        StringBuilder errors = new StringBuilder();
        sources.forEach((fileName, drl) -> {
            KieHelper helper = new KieHelper();
            helper.addResource(ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(fileName), ResourceType.DRL);
            Results results = helper.verify();
            if (results.hasMessages(Message.Level.ERROR)) {
                for (Message message : results.getMessages(Message.Level.ERROR)) {
                    errors.append("\n  ").append(fileName).append(" line ").append(message.getLine())
                            .append(": ").append(message.getText().strip());
                }
                return;
            }
            kieBases.put(decisionName(fileName), helper.build());
        });
        if (!errors.isEmpty()) {
            throw new RuleSetException("Rule files do not compile:" + errors);
        }
        return new CompiledRuleSet(versionOf(sources), sources, Map.copyOf(kieBases));
    }

    static String decisionName(String fileName) {
        return fileName.replaceFirst("\\.drl$", "");
    }

    static String versionOf(SortedMap<String, String> sources) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            sources.forEach((name, text) -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(text.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String version() {
        return version;
    }

    String shortVersion() {
        return version.substring(0, 12);
    }

    SortedMap<String, String> sources() {
        return sources;
    }

    KieBase kieBaseFor(String decision) {
        KieBase kieBase = kieBasesByDecision.get(decision);
        if (kieBase == null) {
            throw new RuleSetException("No rule file for decision '" + decision + "'; rule files present: "
                    + kieBasesByDecision.keySet().stream().sorted().collect(Collectors.joining(", ")));
        }
        return kieBase;
    }
}

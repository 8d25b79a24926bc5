/**
 * The rules: the campaign office's policy (routing, time limits, escalation, accountability) as Drools rule
 * files and decision tables in the {@code rules/} folder, with scenario tests under {@code rules/tests/}.
 *
 * <p>Other modules use {@link org.rectify.rules.RuleEngine} (one method per decision; each answer carries
 * the rules that fired and the rule-set version) and the fact and decision records. The rule set itself is
 * data: every version is stored in PostgreSQL with its files, the database says which version is active, and
 * every node follows it. A changed rules folder or an upload becomes active only after it compiles and its
 * scenarios pass ({@code RuleSetGate}); {@code /api/admin/rule-sets} lists versions, shows their files, runs
 * what-if comparisons against the open cases (asked of the cases module through
 * {@link org.rectify.rules.OpenCases}) and re-activates old versions. Rules are compiled through the public kie-api
 * only ({@code KieServices}, {@code KieFileSystem}); decision tables become DRL in {@code DecisionTables} (cells read
 * with Apache POI or as CSV), without Drools' template internals. See {@code rules/README.md}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"calendar :: api", "catalog", "shared", "web"})
package org.rectify.rules;

/**
 * Evaluation (考核): the units' indicators per period (结案率, 按期结案率, 按时处置率, 返工率, 超期数, 延期率,
 * 准确派遣率; formulas in {@link org.rectify.evaluation.Indicators} and docs/indicators.md), their scores by the
 * rules ({@code rules/scores.drl}: a base of 100, deductions and credits each traced to its case and rule), the
 * monthly ranking (一月一评比) and quarterly assessment computed by the timers of {@code processes/evaluation.bpmn}
 * and kept as numbered, reproducible versions, and the volunteers' points (积分制星级管理,
 * {@code rules/volunteer-points.drl}).
 *
 * <p>Other modules use {@link org.rectify.evaluation.Evaluations} (the stored evaluations and previews, e.g. the
 * console's ranking page) and the result records.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"calendar :: api", "cases", "catalog", "clock", "rules", "security", "shared"})
package org.rectify.evaluation;

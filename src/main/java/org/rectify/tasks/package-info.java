/**
 * Tasks as well as problems (三单督查): the task breakdown table (任务分解表) imported from a spreadsheet, each task
 * worked as a process (processes/task.bpmn: 签收, 一周一反馈, 申报完成, 审核) that climbs the ladder when it stalls
 * (rules/task-ladder.drl), the performance list (业绩清单) with its evidence archive (创建档案) exported per 测评体系 item,
 * the leaders who answer for units, areas and tasks (领导包保), and the tasks' part of the monthly score
 * (rules/task-scores.drl, through evaluation's {@code ScoreContributor}). Problems found while checking a task are filed
 * through the intake and linked to it (问题清单 ↔ 任务清单). A task that reaches the top of its ladder goes to the discipline office through
 * {@code Discipline.transfer}, on a case 任务未落实 linked to it. Owns the tables {@code task*} (V20, V23).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"calendar :: api", "cases", "catalog", "clock", "discipline", "documents", "evaluation", "intake", "rules", "security", "shared", "web"})
package org.rectify.tasks;

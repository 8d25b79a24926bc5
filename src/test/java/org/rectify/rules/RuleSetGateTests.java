package org.rectify.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rectify.catalog.ReportSource;
import org.rectify.catalog.Severity;

/** The gate: what a campaign office's mistakes look like, each refused with the place named. */
class RuleSetGateTests {

    private final RuleSetFiles shipped = RuleFiles.compiled().files();

    @Test
    void theShippedRulesPass() {
        RuleSetGate.Verdict verdict = RuleSetGate.check(shipped);

        assertThat(verdict.problems()).isEmpty();
        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.warnings()).isEmpty();
        assertThat(verdict.scenarios().total()).isEqualTo(verdict.scenarios().passed());
    }

    @Test
    void aBrokenDrlIsRefusedWithItsFileAndLine() {
        String broken = shipped.text("routing.drl").replace("insert(new RoutingDecision($f.categoryDefaultUnit(), List.of($f.streetUnit()),",
                "insert(new RoutingDecisio($f.categoryDefaultUnit(), List.of($f.streetUnit()),");

        RuleSetGate.Verdict verdict = RuleSetGate.check(shipped.with(Map.of("routing.drl", utf8(broken))));

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.compiled()).isNull();
        assertThat(verdict.problems()).first().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("routing.drl");
            assertThat(problem.place()).matches("第\\d+行");
            assertThat(problem.message()).contains("RoutingDecisio");
        });
    }

    @Test
    void aWordTheTableDoesNotKnowIsRefusedWithItsRowAndColumn() {
        byte[] table = RuleEdits.setTableCell(shipped.bytes("time-limits.xlsx"), "时限 - 乱搭乱建", "单位", "工作周");

        RuleSetGate.Verdict verdict = RuleSetGate.check(shipped.with(Map.of("time-limits.xlsx", table)));

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.describe()).startsWith("time-limits.xlsx 第14行“单位”：");
            assertThat(problem.message()).contains("工作周", "工作日、工作时、自然小时");
        });
    }

    @Test
    void aTimeLimitThatIsNotANumberIsRefusedWithItsRow() {
        byte[] table = RuleEdits.setTableCell(shipped.bytes("time-limits.xlsx"), "时限 - 黑臭水体", "时限", "二十");

        RuleSetGate.Verdict verdict = RuleSetGate.check(shipped.with(Map.of("time-limits.xlsx", table)));

        assertThat(verdict.problems()).extracting(RuleSetProblem::describe)
                .containsExactly("time-limits.xlsx 第15行“时限”：“二十”不是整数，请只填阿拉伯数字（如 3）");
    }

    @Test
    void aSeverityOrSourceMisspeltIsRefused() {
        byte[] table = RuleEdits.setTableCell(shipped.bytes("time-limits.xlsx"), "时限 - 一般问题", "严重程度", "一般、很重");
        table = RuleEdits.setTableCell(table, "时限 - 较重问题", "来源", "省检");

        RuleSetGate.Verdict verdict = RuleSetGate.check(shipped.with(Map.of("time-limits.xlsx", table)));

        assertThat(verdict.problems()).extracting(RuleSetProblem::place)
                .containsExactly("第18行“严重程度”", "第19行“来源”");
        assertThat(verdict.problems().get(0).message()).contains("“很重”不是严重程度，可填：一般、较重、紧急");
    }

    @Test
    void aRowWithoutARuleNameOrWithAnotherRowsNameIsRefused() {
        byte[] table = RuleEdits.setTableCell(shipped.bytes("time-limits.xlsx"), "时限 - 路灯不亮", "规则名称（即解释）", "时限 - 黑臭水体");

        RuleSetGate.Verdict verdict = RuleSetGate.check(shipped.with(Map.of("time-limits.xlsx", table)));

        assertThat(verdict.problems()).extracting(RuleSetProblem::describe)
                .containsExactly("time-limits.xlsx 第16行：规则名称“时限 - 黑臭水体”与第15行重复，每条规则的名称必须不同");
    }

    @Test
    void anEmptyConclusionCellIsRefused() {
        byte[] table = RuleEdits.setTableCell(shipped.bytes("time-limits.xlsx"), "时限 - 路灯不亮", "单位", "");

        RuleSetGate.Verdict verdict = RuleSetGate.check(shipped.with(Map.of("time-limits.xlsx", table)));

        assertThat(verdict.problems()).extracting(RuleSetProblem::describe)
                .containsExactly("time-limits.xlsx 第16行“单位”：这一列每行都必须填写");
    }

    @Test
    void aRowAddedBelowAnEmptyRowIsRefusedRatherThanIgnored() {
        String csv = TextFiles.decode(RuleEdits.routingTableCsv()) + "\n\n"
                + "派遣 - 校园周边由教育局牵头,SCHOOL_SURROUNDINGS,校园周边环境,jyj,无,校园周边问题由教育局牵头\n";
        Map<String, byte[]> files = new HashMap<>(shipped.asMap());
        files.remove("routing.xlsx");
        files.put("routing.csv", utf8(csv));

        RuleSetGate.Verdict verdict = RuleSetGate.check(RuleSetFiles.of(files));

        assertThat(verdict.problems()).extracting(RuleSetProblem::describe)
                .containsExactly("routing.csv 第15行：这一行在空行下面，不属于规则表，不会生效：规则表中间不能有空行，请删除空行");
    }

    @Test
    void aCompileErrorInATableIsMappedBackToItsRow() {
        byte[] table = RuleEdits.replaceInWorkbook(shipped.bytes("routing.xlsx"), "Cells.units(", "Cells.unitz(");

        RuleSetGate.Verdict verdict = RuleSetGate.check(shipped.with(Map.of("routing.xlsx", table)));

        assertThat(verdict.problems()).isNotEmpty().allSatisfy(problem -> {
            assertThat(problem.file()).isEqualTo("routing.xlsx");
            assertThat(problem.place()).isEqualTo("第13行（规则“派遣 - 楼道杂物、门前三包、小广告由属地街道牵头”）");
            assertThat(problem.message()).contains("unitz");
        });
    }

    @Test
    void aFailingScenarioIsRefusedWithItsRowAndWhatDiffered() {
        byte[] scenarios = RuleEdits.setScenarioCell(shipped.bytes("tests/routing.csv"), "楼道杂物由所在街道牵头，住建局配合",
                "期望牵头单位", "zjj");

        RuleSetGate.Verdict verdict = RuleSetGate.check(shipped.with(Map.of("tests/routing.csv", scenarios)));

        assertThat(verdict.compiled()).isNotNull();
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("tests/routing.csv");
            assertThat(problem.place()).isEqualTo("第3行「楼道杂物由所在街道牵头，住建局配合」");
            assertThat(problem.message()).contains("期望牵头单位 zjj，实际 kjcjd",
                    "实际触发的规则：派遣 - 楼道杂物、门前三包、小广告由属地街道牵头");
        });
    }

    @Test
    void aScenarioColumnWithATypoIsRefused() {
        String csv = TextFiles.decode(shipped.bytes("tests/escalation.csv")).replace("期望预警比例", "期望预警比列");

        RuleSetGate.Verdict verdict = RuleSetGate.check(shipped.with(Map.of("tests/escalation.csv", utf8(csv))));

        assertThat(verdict.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("tests/escalation.csv");
            assertThat(problem.message()).startsWith("无法识别的列名“期望预警比列”");
        });
    }

    @Test
    void aRuleSetWithoutADecisionTheApplicationNeedsIsRefused() {
        Map<String, byte[]> files = new HashMap<>(shipped.asMap());
        files.remove("escalation.xlsx");
        files.remove("tests/escalation.csv");

        RuleSetGate.Verdict verdict = RuleSetGate.check(RuleSetFiles.of(files));

        assertThat(verdict.problems()).extracting(RuleSetProblem::message)
                .containsExactly("缺少决策“escalation”（升级）的规则文件：系统每天都要用它做决定，不能删除");
    }

    /** The same table as CSV, saved by Chinese Windows (GB18030), works as well, with a row added. */
    @Test
    void aCsvDecisionTableInTheWindowsChineseEncodingWorksLikeTheWorkbook() {
        String csv = TextFiles.decode(RuleEdits.routingTableCsv())
                + "派遣 - 校园周边由教育局牵头，市场监管局和所在街道配合,SCHOOL_SURROUNDINGS,校园周边环境,jyj,scjgj、所在街道,"
                + "校园周边问题由教育局牵头\n";
        Map<String, byte[]> files = new HashMap<>(shipped.asMap());
        files.remove("routing.xlsx");
        files.put("routing.csv", csv.getBytes(Charset.forName("GB18030")));

        RuleSetGate.Verdict verdict = RuleSetGate.check(RuleSetFiles.of(files));

        assertThat(verdict.problems()).isEmpty();
        RuleOutcome<RoutingDecision> school = verdict.compiled().decide(Decisions.ROUTING, new RoutingFacts("SCHOOL_SURROUNDINGS",
                "校园周边环境", "jyj", Severity.GENERAL, ReportSource.PATROL, "cxjd", "xhsq", null), RoutingDecision.class);
        assertThat(school.decision().leadUnit()).isEqualTo("jyj");
        assertThat(school.decision().coUnits()).containsExactly("scjgj", "cxjd");
        assertThat(school.firedRules()).containsExactly("派遣 - 校园周边由教育局牵头，市场监管局和所在街道配合");
        assertThat(verdict.compiled().rules()).extracting(CompiledRuleSet.RuleSource::place).contains("第13行");
        assertThat(verdict.warnings()).singleElement().asString().contains("校园周边");
    }

    @Test
    void theRuleNamesOfTheTablesAreTheExplanations() {
        List<CompiledRuleSet.RuleSource> rules = RuleFiles.compiled().rules();

        assertThat(rules).filteredOn(r -> r.file().equals("time-limits.xlsx")).extracting(CompiledRuleSet.RuleSource::rule)
                .containsExactly("时限 - 占道经营、店外经营、摆摊设点 - 一般", "时限 - 乱搭乱建", "时限 - 黑臭水体", "时限 - 路灯不亮",
                        "时限 - 食品安全、消防设施 - 紧急按自然小时", "时限 - 一般问题", "时限 - 较重问题", "时限 - 紧急问题");
        assertThat(rules).filteredOn(r -> r.rule().equals("时限 - 一般问题")).singleElement()
                .satisfies(r -> assertThat(r.place()).isEqualTo("第18行"));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

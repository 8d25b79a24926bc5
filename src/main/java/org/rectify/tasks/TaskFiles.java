package org.rectify.tasks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.rectify.rules.Sheets;
import org.rectify.shared.DomainException;
import org.springframework.core.io.ClassPathResource;

/**
 * The shipped breakdown tables (classpath tasks/): the import template and the demo 任务分解表, kept as CSV in the
 * repository and offered as XLSX too, built from the same rows.
 */
final class TaskFiles {

    static final String TEMPLATE = "breakdown-template";
    static final String DEMO = "demo-breakdown";

    private TaskFiles() {
    }

    static String chineseName(String name) {
        return switch (name) {
            case TEMPLATE -> "任务分解表导入模板";
            case DEMO -> "演示任务分解表";
            default -> throw DomainException.notFound("no-such-file", "没有这个文件");
        };
    }

    static byte[] csv(String name) {
        chineseName(name);
        try (InputStream in = new ClassPathResource("tasks/" + name + ".csv").getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] xlsx(String name) {
        return Sheets.xlsx("任务分解表", Sheets.read(name + ".csv", csv(name)),
                new int[] {6, 20, 30, 6, 8, 12, 14, 24, 6, 10, 6, 4, 12});
    }
}

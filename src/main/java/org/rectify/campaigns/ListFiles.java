package org.rectify.campaigns;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.rectify.rules.Sheets;
import org.springframework.core.io.ClassPathResource;

/**
 * The shipped lists (classpath campaigns/): the import template and the demo inspection list, kept as CSV in the
 * repository (readable in a diff) and offered as XLSX too, built from the same rows.
 */
final class ListFiles {

    static final String TEMPLATE = "inspection-list-template";
    static final String DEMO = "demo-inspection-list";

    private ListFiles() {
    }

    static byte[] csv(String name) {
        try (InputStream in = new ClassPathResource("campaigns/" + name + ".csv").getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] xlsx(String name) {
        return Sheets.xlsx("问题清单", Sheets.read(name + ".csv", csv(name)), new int[] {6, 16, 36, 48, 28, 10, 24, 10});
    }
}

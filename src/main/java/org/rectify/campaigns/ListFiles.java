package org.rectify.campaigns;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
        List<List<String>> rows = Sheets.read(name + ".csv", csv(name));
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("问题清单");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            int[] widths = {6, 16, 36, 48, 28, 10, 24, 10};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256 * 2);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.rectify.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.fontbox.cmap.CMap;
import org.apache.fontbox.cmap.CMapParser;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Makes the PDF's text copy and search as the characters that were written. Noto Sans SC draws 高 (U+9AD8) and the
 * Kangxi radical ⾼ (U+2FBC), or 门 (U+95E8) and the radical ⻔ (U+2ED4), with one glyph, and PDFBox's subsetter writes
 * the lowest code point of a glyph into the font's ToUnicode map: a reader copying 云岭高新区 would get 云岭⾼新区, and a
 * search for 高 would miss. This rewrites each radical or compatibility ideograph in the map to the unified ideograph
 * that the font draws with the same glyph.
 */
final class ToUnicodeRepair {

    /** Radical or compatibility code point → the unified ideograph sharing its glyph in the font. */
    private final Map<Integer, Integer> unifiedByVariant;

    private ToUnicodeRepair(Map<Integer, Integer> unifiedByVariant) {
        this.unifiedByVariant = Map.copyOf(unifiedByVariant);
    }

    /** Reads the font's character map once: which radicals and compatibility ideographs share a glyph with an ideograph. */
    static ToUnicodeRepair forFont(byte[] trueTypeFont) {
        Map<Integer, Integer> unified = new HashMap<>();
        try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(trueTypeFont))) {
            CmapLookup cmap = font.getUnicodeCmapLookup();
            for (int[] range : VARIANT_RANGES) {
                for (int c = range[0]; c <= range[1]; c++) {
                    int glyph = cmap.getGlyphId(c);
                    List<Integer> codes = glyph == 0 ? null : cmap.getCharCodes(glyph);
                    if (codes != null) {
                        int variant = c;
                        codes.stream().filter(ToUnicodeRepair::isUnifiedIdeograph).findFirst()
                                .ifPresent(ideograph -> unified.put(variant, ideograph));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the font's character map", e);
        }
        return new ToUnicodeRepair(unified);
    }

    private static final int[][] VARIANT_RANGES = {
        {0x2E80, 0x2EFF}, // CJK Radicals Supplement
        {0x2F00, 0x2FDF}, // Kangxi Radicals
        {0xF900, 0xFAFF}, // CJK Compatibility Ideographs
        {0x2F800, 0x2FA1F}, // CJK Compatibility Ideographs Supplement
    };

    private static boolean isUnifiedIdeograph(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x3134F);
    }

    byte[] repair(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            boolean changed = false;
            Set<COSDictionary> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                if (resources == null) {
                    continue;
                }
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    if (font instanceof PDType0Font && seen.add(font.getCOSObject())) {
                        changed |= repair(document, font.getCOSObject());
                    }
                }
            }
            if (!changed) {
                return pdf;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot repair the PDF's text mapping", e);
        }
    }

    private boolean repair(PDDocument document, COSDictionary font) throws IOException {
        if (!(font.getDictionaryObject(COSName.TO_UNICODE) instanceof COSStream stream)) {
            return false;
        }
        CMap cmap;
        try (InputStream in = stream.createInputStream()) {
            cmap = new CMapParser().parse(new RandomAccessReadBuffer(in));
        }
        Map<Integer, String> mapping = new TreeMap<>();
        boolean changed = false;
        for (int code = 0; code <= 0xFFFF; code++) {
            String unicode = cmap.toUnicode(code, 2);
            if (unicode != null) {
                String unified = unified(unicode);
                changed |= !unified.equals(unicode);
                mapping.put(code, unified);
            }
        }
        if (!changed) {
            return false;
        }
        PDStream repaired = new PDStream(document, new ByteArrayInputStream(write(mapping)), COSName.FLATE_DECODE);
        font.setItem(COSName.TO_UNICODE, repaired);
        return true;
    }

    /** Radicals and compatibility ideographs become the ideograph the font draws the same; anything else stays. */
    String unified(String text) {
        StringBuilder result = new StringBuilder();
        text.codePoints().forEach(c -> result.appendCodePoint(unifiedByVariant.getOrDefault(c, c)));
        return result.toString();
    }
    /** A ToUnicode CMap of two-byte codes, written as bfchar entries (at most 100 per block, as the format asks). */
    private static byte[] write(Map<Integer, String> mapping) {
        StringBuilder cmap = new StringBuilder("""
                /CIDInit /ProcSet findresource begin
                12 dict begin
                begincmap
                /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
                /CMapName /Adobe-Identity-UCS def
                /CMapType 2 def
                1 begincodespacerange
                <0000> <FFFF>
                endcodespacerange
                """);
        var entries = mapping.entrySet().stream().toList();
        for (int start = 0; start < entries.size(); start += 100) {
            var block = entries.subList(start, Math.min(start + 100, entries.size()));
            cmap.append(block.size()).append(" beginbfchar\n");
            for (var entry : block) {
                cmap.append('<').append("%04X".formatted(entry.getKey())).append("> <");
                for (char c : entry.getValue().toCharArray()) {
                    cmap.append("%04X".formatted((int) c));
                }
                cmap.append(">\n");
            }
            cmap.append("endbfchar\n");
        }
        cmap.append("""
                endcmap
                CMapName currentdict /CMap defineresource pop
                end
                end
                """);
        return cmap.toString().getBytes(StandardCharsets.US_ASCII);
    }
}

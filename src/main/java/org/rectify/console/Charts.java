package org.rectify.console;

import java.util.ArrayList;
import java.util.List;

/**
 * Chart geometry for inline SVG, computed here so that templates only draw rectangles and text: no charting
 * script, so charts show without JavaScript, in screenshots and in the PDF bulletin alike.
 */
final class Charts {

    public record Bar(double x, double y, double width, double height, String tone, String title, String href) {
    }

    public record Label(double x, double y, String text, String anchor) {
    }

    public record Line(double x1, double y1, double x2, double y2) {
    }

    public record Chart(int width, int height, List<Bar> bars, List<Label> labels, List<Line> grid) {
    }

    private Charts() {
    }

    /**
     * Grouped vertical bars: {@code values[i][s]} for category i and series s. Labels every {@code labelEvery}
     * categories; links per bar from {@code hrefs[i][s]} (may be null).
     */
    static Chart groupedColumns(List<String> categories, long[][] values, String[] tones, String[][] titles,
            String[][] hrefs, int width, int height, int labelEvery) {
        int left = 36;
        int bottom = 22;
        int top = 8;
        double plotWidth = width - left - 6;
        double plotHeight = height - top - bottom;
        long max = 1;
        for (long[] group : values) {
            for (long v : group) {
                max = Math.max(max, v);
            }
        }
        long step = niceStep(max);
        long axisMax = ((max + step - 1) / step) * step;
        List<Bar> bars = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        List<Line> grid = new ArrayList<>();
        for (long tick = 0; tick <= axisMax; tick += step) {
            double y = top + plotHeight - plotHeight * tick / axisMax;
            grid.add(new Line(left, y, width - 6, y));
            labels.add(new Label(left - 4, y + 4, Long.toString(tick), "end"));
        }
        double groupWidth = plotWidth / Math.max(1, categories.size());
        int seriesCount = tones.length;
        double barWidth = Math.max(1, (groupWidth - 2) / seriesCount);
        for (int i = 0; i < categories.size(); i++) {
            double groupX = left + i * groupWidth + 1;
            for (int s = 0; s < seriesCount; s++) {
                long v = values[i][s];
                double h = plotHeight * v / axisMax;
                bars.add(new Bar(round(groupX + s * barWidth), round(top + plotHeight - h), round(barWidth - 0.5),
                        round(h), tones[s], titles[i][s], hrefs == null ? null : hrefs[i][s]));
            }
            if (i % labelEvery == 0 || i == categories.size() - 1) {
                labels.add(new Label(round(groupX + groupWidth / 2), height - 6, categories.get(i), "middle"));
            }
        }
        return new Chart(width, height, bars, labels, grid);
    }

    /** Horizontal bars, one per row, scaled to {@code max} (e.g. a score out of 100). */
    static Chart horizontalBars(List<String> names, List<Double> values, List<String> tones, List<String> titles,
            double max, int width, int rowHeight) {
        int left = 190;
        int right = 50;
        int height = rowHeight * names.size() + 24;
        double plot = width - left - right;
        List<Bar> bars = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        List<Line> grid = new ArrayList<>();
        for (int tick = 0; tick <= 100; tick += 20) {
            double x = left + plot * tick / 100.0;
            grid.add(new Line(round(x), 0, round(x), height - 20));
            labels.add(new Label(round(x), height - 6, Long.toString(Math.round(max * tick / 100.0)), "middle"));
        }
        for (int i = 0; i < names.size(); i++) {
            double y = i * rowHeight + 3;
            double v = values.get(i) == null ? 0 : values.get(i);
            double w = plot * Math.max(0, Math.min(v, max)) / max;
            bars.add(new Bar(left, round(y), round(w), rowHeight - 6, tones.get(i), titles.get(i), null));
            labels.add(new Label(left - 8, round(y + rowHeight / 2.0 + 1), names.get(i), "end"));
            labels.add(new Label(round(left + w + 6), round(y + rowHeight / 2.0 + 1),
                    values.get(i) == null ? "无案件" : String.format("%.1f", v), "start"));
        }
        return new Chart(width, height, bars, labels, grid);
    }

    static long niceStep(long max) {
        long raw = Math.max(1, (long) Math.ceil(max / 4.0));
        long magnitude = 1;
        while (magnitude * 10 <= raw) {
            magnitude *= 10;
        }
        for (long m : new long[] {1, 2, 5, 10}) {
            if (m * magnitude >= raw) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}

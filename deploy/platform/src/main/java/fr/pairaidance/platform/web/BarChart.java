package fr.pairaidance.platform.web;

import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart drawn in SVG on the server ({@code templates/bar-chart.html}): one bar per
 * labelled value, scaled to the largest; a suppressed value is drawn empty and shown as its text. Pages put
 * a table of the same figures beside it for screen readers.
 */
@TemplateData
public record BarChart(String id, String title, List<Bar> bars, int height) {

    static final int BAR_WIDTH = 460;
    static final int ROW = 52;

    /** One bar: its label (written above it), the figure written after it, and its place. */
    @TemplateData
    public record Bar(String label, String display, int y, int width, int textY) {

        /** Where the bar starts, under its label. */
        public int barY() {
            return textY + 6;
        }

        /** Where the figure is written: after the bar, on its line. */
        public int labelX() {
            return width + 6;
        }

        public int valueY() {
            return textY + 23;
        }
    }

    /** A value to draw: its label, its number (0 when suppressed) and the text written after the bar. */
    public record Value(String label, long value, String display) {
    }

    public static BarChart of(String id, String title, List<Value> values) {
        long max = values.stream().mapToLong(Value::value).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Value v = values.get(i);
            int width = max == 0 ? 0 : (int) Math.round((double) BAR_WIDTH * v.value() / max);
            bars.add(new Bar(v.label(), v.display(), i * ROW, width, i * ROW + 16));
        }
        return new BarChart(id, title, bars, values.size() * ROW + 6);
    }
}

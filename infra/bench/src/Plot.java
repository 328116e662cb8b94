import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** Line charts as PNG, drawn with the JDK alone (no plotting library on these machines): one line per series. */
public final class Plot {

    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0x17becf)};

    private Plot() {
    }

    /**
     * Draws {@code series} (name to y values, one per x) against {@code xs} on a log-scale x axis; a missing value
     * is NaN and leaves a gap.
     */
    public static void lines(Path file, String title, String xLabel, String yLabel, List<Long> xs,
                             Map<String, double[]> series) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int w = 900;
        int h = 560;
        int left = 90;
        int right = 220;
        int top = 50;
        int bottom = 70;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        double max = 0;
        for (double[] ys : series.values()) {
            for (double y : ys) {
                if (!Double.isNaN(y)) {
                    max = Math.max(max, y);
                }
            }
        }
        max = max <= 0 ? 1 : niceCeiling(max);
        double xMin = Math.log10(xs.getFirst());
        double xMax = Math.log10(xs.getLast());
        if (xMax == xMin) {
            xMax = xMin + 1;
        }
        int plotW = w - left - right;
        int plotH = h - top - bottom;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, left, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawLine(left, top + plotH, left + plotW, top + plotH);
        g.drawLine(left, top, left, top + plotH);
        for (int i = 0; i <= 5; i++) {
            double v = max * i / 5;
            int y = top + plotH - (int) (plotH * i / 5.0);
            g.setColor(new Color(0xe0e0e0));
            g.drawLine(left + 1, y, left + plotW, y);
            g.setColor(Color.BLACK);
            g.drawString(format(v), 10, y + 4);
        }
        for (long x : xs) {
            int px = left + (int) (plotW * (Math.log10(x) - xMin) / (xMax - xMin));
            g.drawLine(px, top + plotH, px, top + plotH + 5);
            g.drawString(label(x), px - 15, top + plotH + 20);
        }
        g.drawString(xLabel, left + plotW / 2 - 40, h - 20);
        g.drawString(yLabel, 10, top - 10);
        int legend = 0;
        int c = 0;
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            Color color = COLORS[c++ % COLORS.length];
            g.setColor(color);
            g.setStroke(new BasicStroke(2.5f));
            double[] ys = e.getValue();
            int prevX = -1;
            int prevY = -1;
            for (int i = 0; i < xs.size() && i < ys.length; i++) {
                if (Double.isNaN(ys[i])) {
                    prevX = -1;
                    continue;
                }
                int px = left + (int) (plotW * (Math.log10(xs.get(i)) - xMin) / (xMax - xMin));
                int py = top + plotH - (int) (plotH * ys[i] / max);
                g.fillOval(px - 4, py - 4, 8, 8);
                if (prevX >= 0) {
                    g.drawLine(prevX, prevY, px, py);
                }
                prevX = px;
                prevY = py;
            }
            g.fillRect(left + plotW + 20, top + legend * 22, 14, 14);
            g.setColor(Color.BLACK);
            g.drawString(e.getKey(), left + plotW + 40, top + legend * 22 + 12);
            legend++;
        }
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }

    private static double niceCeiling(double v) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= v) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String format(double v) {
        return v >= 100 || v == Math.rint(v) ? String.format("%,.0f", v) : String.format("%.2f", v);
    }

    private static String label(long x) {
        return x >= 1_000_000 ? (x / 1_000_000) + "M" : x >= 1000 ? (x / 1000) + "k" : Long.toString(x);
    }
}

package dev.rapport.api;

import java.util.List;
import java.util.Locale;

import org.springframework.web.util.HtmlUtils;

import dev.rapport.journal.CategoryClass;
import dev.rapport.journal.ChallengeReport;

/** Renders the challenge report as a self-contained SVG: your share per category beside the benchmark. */
final class ChallengeChart {
    private static final int WIDTH = 720;
    private static final int LABEL = 170;
    private static final int BAR = 14;
    private static final int ROW = 44;
    private static final int TOP = 86;
    private static final String YOU = "#2563eb";
    private static final String BENCH = "#cbd5e1";
    private static final String FONT = "font-family=\"system-ui,-apple-system,Segoe UI,Roboto,sans-serif\"";

    private ChallengeChart() {
    }

    static String svg(ChallengeReport r) {
        List<ChallengeReport.Row> rows = r.rows();
        int height = TOP + rows.size() * ROW + 40;
        double max = Math.max(10, rows.stream().mapToDouble(x -> Math.max(x.share(),
                x.benchmark() == null ? 0 : x.benchmark())).max().orElse(10));
        double scale = (WIDTH - LABEL - 70) / max;
        StringBuilder s = new StringBuilder();
        s.append(f("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "role=\"img\" aria-label=\"24-hour challenge report\">", WIDTH, height, WIDTH, height));
        s.append(f("<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>"));
        s.append(f("<text x=\"24\" y=\"34\" %s font-size=\"20\" font-weight=\"600\" fill=\"#0f172a\">Where the time "
                + "went, %s to %s</text>", FONT, r.from(), r.to()));
        s.append(f("<text x=\"24\" y=\"58\" %s font-size=\"13\" fill=\"#475569\">%.1f h logged · customer-facing "
                        + "%.0f%% · contributes to customer needs %.0f%% · firefighting %.0f%%</text>", FONT,
                r.loggedMinutes() / 60, r.customerFacingShare(), r.contributesShare(),
                r.classes().get(CategoryClass.FIREFIGHTING).share()));
        legend(s, WIDTH - 230, 74);
        int y = TOP;
        for (ChallengeReport.Row row : rows) {
            s.append(f("<text x=\"24\" y=\"%d\" %s font-size=\"13\" fill=\"#0f172a\">%s</text>", y + 20, FONT,
                    HtmlUtils.htmlEscape(row.label())));
            bar(s, y + 6, row.share(), scale, YOU, f("%.0f%%", row.share()));
            if (row.benchmark() != null) {
                bar(s, y + 6 + BAR + 2, row.benchmark(), scale, BENCH, f("%.0f%%", row.benchmark()));
            }
            y += ROW;
        }
        s.append(f("<text x=\"24\" y=\"%d\" %s font-size=\"11\" fill=\"#64748b\">Benchmark: a study of a large agent "
                + "group (client interaction 4%%, errands 30%%, email 24%%, misc 14%%, cell phone 13%%, web 12%%).</text>",
                height - 16, FONT));
        return s.append("</svg>").toString();
    }

    private static void bar(StringBuilder s, int y, double share, double scale, String colour, String label) {
        double w = Math.max(1, share * scale);
        s.append(f("<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" rx=\"3\" fill=\"%s\"/>", LABEL, y, w, BAR,
                colour));
        s.append(f("<text x=\"%.1f\" y=\"%d\" %s font-size=\"11\" fill=\"#334155\">%s</text>", LABEL + w + 6,
                y + BAR - 3, FONT, label));
    }

    private static void legend(StringBuilder s, int x, int y) {
        s.append(f("<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" rx=\"2\" fill=\"%s\"/>", x, y - 10, YOU));
        s.append(f("<text x=\"%d\" y=\"%d\" %s font-size=\"12\" fill=\"#334155\">You</text>", x + 18, y, FONT));
        s.append(f("<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" rx=\"2\" fill=\"%s\"/>", x + 70, y - 10, BENCH));
        s.append(f("<text x=\"%d\" y=\"%d\" %s font-size=\"12\" fill=\"#334155\">Benchmark</text>", x + 88, y, FONT));
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}

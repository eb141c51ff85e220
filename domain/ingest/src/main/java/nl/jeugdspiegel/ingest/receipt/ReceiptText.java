package nl.jeugdspiegel.ingest.receipt;

import java.util.ArrayList;
import java.util.List;

/**
 * The receipt as plain text for a terminal ({@code ./jeugdspiegel receipt FILE.json}) or a notification e-mail: the
 * same {@link ReceiptView} as the HTML page.
 */
public final class ReceiptText {

    private ReceiptText() {}

    public static String text(Receipt receipt) {
        ReceiptView view = ReceiptView.of(receipt);
        StringBuilder out = new StringBuilder();
        out.append(view.titel())
                .append('\n')
                .append("=".repeat(view.titel().length()))
                .append("\n\n");
        out.append(view.oordeel().toUpperCase(ReceiptView.NL))
                .append(": ")
                .append(view.melding())
                .append('\n');
        for (ReceiptView.Section s : view.secties()) {
            out.append('\n')
                    .append(s.kop())
                    .append('\n')
                    .append("-".repeat(s.kop().length()))
                    .append('\n');
            for (ReceiptView.Fact f : s.feiten()) {
                out.append(f.label()).append(": ").append(f.waarde()).append('\n');
            }
            for (String p : s.punten()) {
                out.append("- ").append(p).append('\n');
            }
            for (ReceiptView.Table t : s.tabellen()) {
                table(out, t);
            }
            if (s.toelichting() != null) {
                out.append("(").append(s.toelichting()).append(")\n");
            }
        }
        out.append('\n').append(view.voet()).append('\n');
        return out.toString();
    }

    /** Columns wider than this are not padded to: a longer cell goes on a line of its own. */
    private static final int MAX_WIDTH = 72;

    /**
     * A table as aligned columns. A first cell longer than {@link #MAX_WIDTH} goes on its own line, the row's other
     * cells on the next; a long last column (advice) goes on its own indented line.
     */
    private static void table(StringBuilder out, ReceiptView.Table t) {
        out.append(t.bijschrift()).append(":\n");
        List<List<String>> rows = new ArrayList<>();
        rows.add(t.koppen());
        for (ReceiptView.Row r : t.rijen()) {
            List<String> cells = new ArrayList<>();
            cells.add(r.kop());
            cells.addAll(r.cellen());
            rows.add(cells);
        }
        int columns = t.koppen().size();
        int[] width = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns - 1; c++) {
                int length = row.get(c).length();
                if (length <= MAX_WIDTH) {
                    width[c] = Math.max(width[c], length);
                }
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int c = 0; c < columns - 1; c++) {
                String cell = row.get(c);
                if (c == 0 && cell.length() > width[0] && columns > 1) {
                    out.append("  ").append(cell).append('\n');
                    cell = "";
                }
                line.append(pad(cell, width[c])).append("  ");
            }
            String last = row.get(columns - 1);
            if (last.length() > 40) {
                out.append(line.toString().stripTrailing())
                        .append("\n      ")
                        .append(last)
                        .append('\n');
            } else {
                out.append(line).append(last).append('\n');
            }
        }
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}

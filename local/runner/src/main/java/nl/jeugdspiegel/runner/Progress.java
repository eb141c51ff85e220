package nl.jeugdspiegel.runner;

import java.io.PrintStream;
import java.util.Locale;

/** One progress line per stage: rewritten in place on a terminal, every 10 % otherwise. */
final class Progress {

    private final PrintStream out;
    private final String stage;
    private final int total;
    private final long started = System.nanoTime();
    private final boolean terminal = System.console() != null;
    private int done;
    private int lastDecile = -1;

    Progress(PrintStream out, String stage, int total) {
        this.out = out;
        this.stage = stage;
        this.total = total;
    }

    synchronized void step(String item) {
        done++;
        double seconds = (System.nanoTime() - started) / 1e9;
        if (terminal) {
            String line = String.format(Locale.ROOT, "\r  %s [%5d/%d] %6.1f s  %s", stage, done, total, seconds, item);
            out.print(line.length() > 118 ? line.substring(0, 118) : String.format(Locale.ROOT, "%-118s", line));
            out.flush();
        } else {
            int decile = total == 0 ? 10 : done * 10 / total;
            if (decile != lastDecile) {
                lastDecile = decile;
                out.printf(Locale.ROOT, "  %s %3d%% (%d/%d) %.1f s%n", stage, decile * 10, done, total, seconds);
            }
        }
    }

    void done() {
        if (terminal) {
            out.println();
        }
    }
}

package nl.jeugdspiegel.report;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.core.Periode;

/** Published figures as Dutch text: "61,2%", "17.045", "€ 7.779", "<10". Only ever given published figures. */
final class Text {

    static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("d MMMM yyyy", DUTCH).withZone(ZoneId.of("Europe/Amsterdam"));

    private Text() {}

    static String number(double value, int decimals) {
        NumberFormat format = NumberFormat.getNumberInstance(DUTCH);
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        return format.format(value);
    }

    /** The value of a published figure; a suppressed one as "<10" or "–". */
    static String value(Disclosure.Figure f) {
        if (!f.published()) {
            return Disclosure.REASON_SMALL_COUNT.equals(f.reason()) ? "<10" : "–";
        }
        return format(f.indicator().kind(), f.value());
    }

    static String format(Indicator.Kind kind, double value) {
        return switch (kind) {
            case COUNT, QUANTILE -> number(value, 0);
            case SHARE -> number(100 * value, 1) + "%";
            case PER_1000, MEAN -> number(value, 1);
            case AMOUNT -> "€ " + number(value, 0);
            case RATIO -> number(value, 2);
        };
    }

    /** "58,1–64,3%" or empty when there is no interval. */
    static String interval(Disclosure.Figure f) {
        if (!f.published() || f.low() == null || f.high() == null) {
            return "";
        }
        return switch (f.indicator().kind()) {
            case SHARE -> number(100 * f.low(), 1) + "–" + number(100 * f.high(), 1) + "%";
            case RATIO -> number(f.low(), 2) + "–" + number(f.high(), 2);
            default -> number(f.low(), 1) + "–" + number(f.high(), 1);
        };
    }

    static String count(Double value) {
        return value == null ? "<10" : number(value, 0);
    }

    static String date(Instant instant) {
        return instant == null ? "onbekend" : DATE.format(instant);
    }

    /** "1e halfjaar 2024". */
    static String periode(Periode p) {
        return (p.half() == 1 ? "1e" : "2e") + " halfjaar " + p.year();
    }

    /** "24H1", for chart axes. */
    static String shortPeriode(Periode p) {
        return String.format(Locale.ROOT, "%02dH%d", p.year() % 100, p.half());
    }
}

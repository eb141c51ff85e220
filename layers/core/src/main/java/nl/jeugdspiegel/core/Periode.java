package nl.jeugdspiegel.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A reporting half-year, written {@code YYYYH1} (1 January to 30 June) or {@code YYYYH2}. */
public record Periode(int year, int half) implements Comparable<Periode> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})H([12])");

    public Periode {
        if (year < 1000 || year > 9999 || (half != 1 && half != 2)) {
            throw new IllegalArgumentException("no valid periode: " + year + "H" + half);
        }
    }

    /** Parses {@code 2024H1}; empty when the text is not a periode. */
    public static Optional<Periode> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Periode(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
    }

    /** Parses {@code 2024H1}; also how JSON (a manifest's keys) reads a periode. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Periode parse(String text) {
        return tryParse(text)
                .orElseThrow(() ->
                        new IllegalArgumentException("periode must look like 2024H1 or 2024H2, got '" + text + "'"));
    }

    public static Periode containing(LocalDate date) {
        return new Periode(date.getYear(), date.getMonthValue() <= 6 ? 1 : 2);
    }

    /** Every periode from {@code first} to {@code last}, both included. */
    public static List<Periode> range(Periode first, Periode last) {
        List<Periode> all = new ArrayList<>();
        for (Periode p = first; p.compareTo(last) <= 0; p = p.next()) {
            all.add(p);
        }
        return all;
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, half == 1 ? 1 : 7, 1);
    }

    public LocalDate lastDay() {
        return half == 1 ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
    }

    public int firstEpochDay() {
        return (int) firstDay().toEpochDay();
    }

    public int lastEpochDay() {
        return (int) lastDay().toEpochDay();
    }

    public Periode next() {
        return half == 1 ? new Periode(year, 2) : new Periode(year + 1, 1);
    }

    public Periode previous() {
        return half == 2 ? new Periode(year, 1) : new Periode(year - 1, 2);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
    }

    @Override
    public int compareTo(Periode other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(half, other.half);
    }

    /** {@code 2024H1}: also how a periode is written in JSON, as a value or a key. */
    @JsonValue
    @Override
    public String toString() {
        return year + "H" + half;
    }
}

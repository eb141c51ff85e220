package nl.jeugdspiegel.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.reference.ReferenceData;

/**
 * When a half-year's deliveries are due, and so when its figures are final: a delivery is on time within
 * {@value #ON_TIME_DAYS} days after the half-year; the latest half-year stays provisional until every gemeente
 * delivered and that deadline passed.
 */
final class DeliveryCalendar {

    /** A delivery is on time when it arrives within this many days after the half-year. */
    static final int ON_TIME_DAYS = 92;

    private final Clock clock;

    /** @param clock when the site is published */
    DeliveryCalendar(Clock clock) {
        this.clock = clock;
    }

    /** The day after which a delivery for the periode is late. */
    static LocalDate deadline(Periode p) {
        return p.lastDay().plusDays(ON_TIME_DAYS);
    }

    /** "ja", "nee, te laat", "onbekend" (no delivery time), or "–" when nothing was delivered. */
    static String onTime(Periode p, boolean delivered, Instant at) {
        Instant due = deadline(p).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return !delivered ? "–" : at == null ? "onbekend" : at.isBefore(due) ? "ja" : "nee, te laat";
    }

    /**
     * Is this half-year still provisional? Only the latest can be: while a municipality has not delivered for it, or
     * its deadline (three months after the half-year) has not passed, late deliveries can still change its figures.
     */
    boolean provisional(ReportData data, Periode p) {
        if (!p.equals(data.latest())) {
            return false;
        }
        boolean allDelivered = ReferenceData.get().municipalities().stream().allMatch(m -> data.delivered(p, m.code()));
        return !allDelivered || LocalDate.now(clock).isBefore(deadline(p).plusDays(1));
    }
}

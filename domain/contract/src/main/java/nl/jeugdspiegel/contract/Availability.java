package nl.jeugdspiegel.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.jeugdspiegel.core.lake.LakeProfile;

/**
 * When an indicator of a gemeente is {@code niet_beschikbaar} because of what its delivery holds (docs/indicatoren.md
 * §3): the one place of each rule. The indicator engine applies them to the merged rows; the receipt's
 * {@code publicatie} block applies them to the counts of one delivery ({@link #unavailable}), so a data officer reads
 * before the indicators run which figures the delivery will leave empty, and why. Whatever is not about the
 * delivery (the population file, the follow-up half-year) is not a rule here.
 */
public final class Availability {

    /** {@code kosten_per_jeugdige} needs kosten in at least this share of the delivered jeugdhulp rows. */
    public static final double KOSTEN_COVERAGE = 0.9;

    private Availability() {}

    /** Is {@code kosten_per_jeugdige} computed? Kosten (0 counts as present) in ≥ 90 % of the delivered JH rows. */
    public static boolean kostenAvailable(long jhRows, long jhRowsWithKosten) {
        return jhRows > 0 && jhRowsWithKosten >= KOSTEN_COVERAGE * jhRows;
    }

    /** A share, mean, quantile or ratio over {@code observations}: computed when there is at least one. */
    public static boolean hasObservations(long observations) {
        return observations > 0;
    }

    /**
     * The counts of one gemeente's jeugdhulp in one periode that the rules look at.
     *
     * @param jhActive               JH trajectories active in the periode (for a delivery: its JH rows)
     * @param jhRowsWithKosten       of the delivered JH rows, those with kosten
     * @param jhStarted              JH trajectories started in the periode
     * @param jhStartedWithAanmelding of those, with an aanmelddatum (the waiting time's observations)
     * @param jhEnded                JH trajectories ended in the periode
     * @param jhEndedVolgensPlan     of those, ended with reden 01
     * @param jhEndedZonderHulpVerder of those, with zonder_hulp_verder filled
     * @param jhEndedTevredenheid    of those, with a tevredenheid score
     * @param waitingKnown           did the delivery come as iJw messages (who waits is known)?
     */
    public record Counts(
            long jhActive,
            long jhRowsWithKosten,
            long jhStarted,
            long jhStartedWithAanmelding,
            long jhEnded,
            long jhEndedVolgensPlan,
            long jhEndedZonderHulpVerder,
            long jhEndedTevredenheid,
            boolean waitingKnown) {

        /** The counts of one delivery's profile; {@code waitingKnown}: the delivery came as iJw messages. */
        public static Counts of(LakeProfile profile, boolean waitingKnown) {
            return new Counts(
                    profile.jhRijen(),
                    profile.jhMetKosten(),
                    profile.jhGestart(),
                    profile.jhGestartMetAanmelding(),
                    profile.jhBeeindigd(),
                    profile.jhBeeindigdVolgensPlan(),
                    profile.jhBeeindigdZonderHulpVerder(),
                    profile.jhBeeindigdTevredenheid(),
                    waitingKnown);
        }
    }

    /** Indicators that are not available, and why, in plain Dutch. */
    public record Unavailable(List<Indicator> indicatoren, String reden) {}

    /** The indicators these counts leave {@code niet_beschikbaar} (or, for follow-up, empty later), in catalogue order. */
    public static List<Unavailable> unavailable(Counts c) {
        List<Unavailable> out = new ArrayList<>();
        if (!hasObservations(c.jhActive())) {
            out.add(new Unavailable(
                    List.of(Indicator.AANDEEL_MET_VERBLIJF, Indicator.AANDEEL_MET_AANBIEDER),
                    "de levering bevat geen jeugdhulp, dus is er geen aandeel jeugdhulp met verblijf of met bekende "
                            + "aanbieder"));
        }
        if (!hasObservations(c.jhStartedWithAanmelding())) {
            out.add(new Unavailable(
                    List.of(Indicator.WACHTTIJD_MEDIAAN_DAGEN, Indicator.WACHTTIJD_P90_DAGEN),
                    c.jhStarted() == 0
                            ? "er is in dit halfjaar geen jeugdhulp gestart, dus is er geen wachttijd"
                            : "geen van de " + c.jhStarted()
                                    + " jeugdhulptrajecten die in dit halfjaar startten heeft een aanmelddatum, dus is "
                                    + "er geen wachttijd"));
        }
        if (!c.waitingKnown()) {
            out.add(new Unavailable(
                    List.of(Indicator.WACHTEND_EINDE_PERIODE, Indicator.WACHTEND_LANGER_DAN_9_WEKEN),
                    "wie wacht op jeugdhulp blijkt alleen uit iJw-berichten (JW315/JW301); een CSV-levering vertelt "
                            + "dat niet"));
        }
        if (!hasObservations(c.jhStarted())) {
            out.add(new Unavailable(
                    Indicator.VERWIJZER, "er is in dit halfjaar geen jeugdhulp gestart, dus zijn er geen verwijzers"));
        }
        if (!kostenAvailable(c.jhActive(), c.jhRowsWithKosten())) {
            out.add(new Unavailable(
                    List.of(Indicator.KOSTEN_PER_JEUGDIGE),
                    c.jhActive() == 0
                            ? "de levering bevat geen jeugdhulp"
                            : "kosten zijn ingevuld bij " + percentDown((double) c.jhRowsWithKosten() / c.jhActive())
                                    + " van de jeugdhulpregels; de regel vraagt minstens "
                                    + percent(KOSTEN_COVERAGE) + " (0 telt als ingevuld)"));
        }
        if (!hasObservations(c.jhEnded())) {
            out.add(new Unavailable(
                    List.of(
                            Indicator.DUUR_MEDIAAN_DAGEN,
                            Indicator.BEEINDIGD_VOLGENS_PLAN,
                            Indicator.VOORTIJDIG_BEEINDIGD,
                            Indicator.ZONDER_HULP_VERDER,
                            Indicator.ZONDER_HULP_VERDER_RESPONS,
                            Indicator.TEVREDENHEID_GEMIDDELD,
                            Indicator.TEVREDENHEID_RESPONS,
                            Indicator.GEEN_NIEUWE_START_CBS,
                            Indicator.OE_VOLGENS_PLAN),
                    "er is in dit halfjaar geen jeugdhulp beëindigd, dus zijn er geen uitkomsten"));
            return out;
        }
        if (!hasObservations(c.jhEndedZonderHulpVerder())) {
            out.add(new Unavailable(
                    List.of(Indicator.ZONDER_HULP_VERDER),
                    "zonder_hulp_verder is bij geen van de " + c.jhEnded()
                            + " beëindigde jeugdhulptrajecten ingevuld"));
        }
        if (!hasObservations(c.jhEndedTevredenheid())) {
            out.add(new Unavailable(
                    List.of(Indicator.TEVREDENHEID_GEMIDDELD),
                    "tevredenheid is bij geen van de " + c.jhEnded() + " beëindigde jeugdhulptrajecten ingevuld"));
        }
        if (!hasObservations(c.jhEndedVolgensPlan())) {
            out.add(new Unavailable(
                    List.of(Indicator.GEEN_NIEUWE_HULP_6M),
                    "geen jeugdhulptraject is in dit halfjaar volgens plan (reden 01) beëindigd, dus is er geen groep om "
                            + "een half jaar te volgen"));
        }
        return out;
    }

    /** A fraction as a percentage without decimals, e.g. {@code 72%}. */
    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * fraction);
    }

    /** As {@link #percent}, rounded down: 89.6% of a rule that needs 90% reads 89%, not 90%. */
    private static String percentDown(double fraction) {
        return String.format(Locale.ROOT, "%d%%", (long) Math.floor(100 * fraction + 1e-9));
    }
}

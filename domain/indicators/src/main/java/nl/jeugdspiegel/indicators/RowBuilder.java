package nl.jeugdspiegel.indicators;

import java.util.List;
import java.util.Map;
import nl.jeugdspiegel.contract.Availability;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.IndicatorRow;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.contract.Stats;
import nl.jeugdspiegel.core.Periode;

/** Turns a unit's figures into the rows of the table, with the national figures for the funnel limits. */
final class RowBuilder {
    private final Periode periode;
    private final boolean followUp;
    private final double[] nationalPlanRate;
    private LevelFigures.Figures national;
    private InstroomCohorts.Figures nationalCohort;

    RowBuilder(Periode periode, boolean followUp, double[] nationalPlanRate) {
        this.periode = periode;
        this.followUp = followUp;
        this.nationalPlanRate = nationalPlanRate;
    }

    /** Per unit its waiting times against the national median. */
    final Map<Signals.UnitKey, Signals.SignTest> waitSigns = new java.util.HashMap<>();

    private double nationalWaitMedian = Double.NaN;

    void national(LevelFigures.Figures figures, InstroomCohorts.Figures cohort) {
        this.national = figures;
        this.nationalCohort = cohort;
        int[] waits = figures.waits()[0];
        if (waits.length > 0) {
            nationalWaitMedian = Stats.quantileCont(waits.clone(), waits.length, 0.5);
        }
    }

    private void signTest(Niveau niveau, String code, int[] waits) {
        if (Double.isNaN(nationalWaitMedian) || waits.length == 0) {
            return;
        }
        long above = 0;
        long below = 0;
        for (int w : waits) {
            if (w > nationalWaitMedian) {
                above++;
            } else if (w < nationalWaitMedian) {
                below++;
            }
        }
        waitSigns.put(new Signals.UnitKey(niveau, code), new Signals.SignTest(above, below));
    }

    /**
     * The rows of unit u of a level: its figures {@code f} and its instroomcohort {@code cohort} (figures of none at a
     * level without cohorts, whose rows the catalogue leaves out).
     */
    void unit(
            List<IndicatorRow> out, Levels.Level level, int u, LevelFigures.Figures f, InstroomCohorts.Figures cohort) {
        String code = level.codes().get(u);
        String naam = level.names().get(u);
        UnitRows unit = new UnitRows(out, periode, level.niveau(), code, naam);
        if (!f.delivered()[u]) {
            for (Indicator indicator : Indicator.ALL) {
                unit.missing(indicator);
            }
            unit.missing(Indicator.DUBBEL_GELEVERD);
            return;
        }
        long[] t = f.totals()[u];
        long[] n = national.totals()[0];
        unit.count(Indicator.JEUGDIGEN_JH, f.clients()[0][u]);
        if (f.youthKnown()[u] && f.youth()[u] > 0) {
            double p0 = (double) national.clients()[1][0] / national.youth()[0];
            boolean nationalKnown = national.youthKnown()[0] && national.youth()[0] > 0;
            unit.perThousand(
                    Indicator.JEUGDIGEN_JH_PER_1000, f.clients()[1][u], f.youth()[u], nationalKnown ? p0 : Double.NaN);
        } else {
            unit.missing(Indicator.JEUGDIGEN_JH_PER_1000);
        }
        for (int c = 0; c < Indicator.CATEGORIES.size(); c++) {
            unit.count(Indicator.TRAJECTEN_ACTIEF.get(c), t[Counters.ACTIVE + c]);
        }
        for (int c = 0; c < Indicator.CATEGORIES.size(); c++) {
            unit.count(Indicator.TRAJECTEN_GESTART.get(c), t[Counters.STARTED + c]);
        }
        for (int c = 0; c < Indicator.CATEGORIES.size(); c++) {
            unit.count(Indicator.TRAJECTEN_BEEINDIGD.get(c), t[Counters.ENDED + c]);
        }
        unit.share(
                Indicator.AANDEEL_MET_VERBLIJF,
                t[Counters.ACTIVE + Counters.JH_MET],
                Counters.jh(t, Counters.ACTIVE),
                n[Counters.ACTIVE + Counters.JH_MET],
                Counters.jh(n, Counters.ACTIVE));
        unit.share(
                Indicator.AANDEEL_MET_AANBIEDER,
                t[Counters.ACTIVE_AGB],
                Counters.jh(t, Counters.ACTIVE),
                n[Counters.ACTIVE_AGB],
                Counters.jh(n, Counters.ACTIVE));
        unit.quantile(Indicator.DUUR_MEDIAAN_DAGEN, f.durations()[u], 0.5);
        unit.quantile(Indicator.WACHTTIJD_MEDIAAN_DAGEN, f.waits()[u], 0.5);
        signTest(level.niveau(), code, f.waits()[u]);
        unit.quantile(Indicator.WACHTTIJD_P90_DAGEN, f.waits()[u], 0.9);
        if (f.waitingKnown()[u]) {
            unit.count(Indicator.WACHTEND_EINDE_PERIODE, f.waitingClients()[0][u]);
            unit.count(Indicator.WACHTEND_LANGER_DAN_9_WEKEN, f.waitingClients()[1][u]);
        } else {
            unit.missing(Indicator.WACHTEND_EINDE_PERIODE);
            unit.missing(Indicator.WACHTEND_LANGER_DAN_9_WEKEN);
        }
        long startedJh = Counters.jh(t, Counters.STARTED);
        long nationalStartedJh = Counters.jh(n, Counters.STARTED);
        for (int v = 0; v < Indicator.VERWIJZERS.size(); v++) {
            unit.share(
                    Indicator.VERWIJZER.get(v),
                    t[Counters.VERWIJZER + v],
                    startedJh,
                    n[Counters.VERWIJZER + v],
                    nationalStartedJh);
        }
        if (Availability.kostenAvailable(t[Counters.JH_ROWS], t[Counters.JH_ROWS_KOSTEN]) && f.clients()[0][u] > 0) {
            unit.amount(Indicator.KOSTEN_PER_JEUGDIGE, t[Counters.KOSTEN_CENT] / 100.0, f.clients()[0][u]);
        } else {
            unit.missing(Indicator.KOSTEN_PER_JEUGDIGE, t[Counters.KOSTEN_CENT] / 100.0, (double) f.clients()[0][u]);
        }
        long endedJh = Counters.jh(t, Counters.ENDED);
        long nationalEndedJh = Counters.jh(n, Counters.ENDED);
        unit.share(Indicator.BEEINDIGD_VOLGENS_PLAN, t[Counters.PLAN], endedJh, n[Counters.PLAN], nationalEndedJh);
        unit.share(
                Indicator.VOORTIJDIG_BEEINDIGD,
                t[Counters.VOORTIJDIG],
                endedJh,
                n[Counters.VOORTIJDIG],
                nationalEndedJh);
        unit.share(
                Indicator.ZONDER_HULP_VERDER,
                t[Counters.ZHV_YES],
                t[Counters.ZHV_FILLED],
                n[Counters.ZHV_YES],
                n[Counters.ZHV_FILLED]);
        unit.share(
                Indicator.ZONDER_HULP_VERDER_RESPONS,
                t[Counters.ZHV_FILLED],
                endedJh,
                n[Counters.ZHV_FILLED],
                nationalEndedJh);
        unit.mean(
                Indicator.TEVREDENHEID_GEMIDDELD,
                t[Counters.TEV_N],
                t[Counters.TEV_SUM],
                t[Counters.TEV_SUM_SQ],
                n[Counters.TEV_N],
                n[Counters.TEV_SUM],
                n[Counters.TEV_SUM_SQ]);
        unit.share(Indicator.TEVREDENHEID_RESPONS, t[Counters.TEV_N], endedJh, n[Counters.TEV_N], nationalEndedJh);
        if (followUp) {
            unit.share(
                    Indicator.GEEN_NIEUWE_HULP_6M,
                    t[Counters.COHORT_OK],
                    t[Counters.COHORT],
                    n[Counters.COHORT_OK],
                    n[Counters.COHORT]);
            unit.share(
                    Indicator.GEEN_NIEUWE_START_CBS, t[Counters.CBS_OK], endedJh, n[Counters.CBS_OK], nationalEndedJh);
        } else {
            unit.notYet(Indicator.GEEN_NIEUWE_HULP_6M);
            unit.notYet(Indicator.GEEN_NIEUWE_START_CBS);
        }
        double expected = 0;
        for (int s = 0; s < Counters.STRATA; s++) {
            expected += t[Counters.STRATUM_ENDED + s] * nationalPlanRate[s];
        }
        unit.ratio(Indicator.OE_VOLGENS_PLAN, t[Counters.PLAN], expected);
        instroom(unit, cohort);
        unit.count(Indicator.DUBBEL_GELEVERD, f.doubled()[u]);
    }

    /**
     * The cohort rows (indicators v1.3): the members; per horizon the four states as shares of the members (not yet
     * due: nog_niet_beschikbaar; no members: niet_beschikbaar); the Kaplan–Meier median (nog_niet_beschikbaar while
     * the survival stays above one half).
     */
    private void instroom(UnitRows unit, InstroomCohorts.Figures cohort) {
        unit.count(Indicator.INSTROOM_JEUGDIGEN, cohort.members());
        for (int h = 0; h < Instroom.HORIZONS.length; h++) {
            int[] states = cohort.states()[h];
            int[] nationalStates = nationalCohort.states()[h];
            for (int s = 0; s < Instroom.State.values().length; s++) {
                Indicator indicator = Indicator.INSTROOM_STATE.get(h).get(s);
                if (states == null) {
                    unit.notYet(indicator);
                } else {
                    unit.share(indicator, states[s], cohort.members(), nationalStates[s], nationalCohort.members());
                }
            }
        }
        unit.kaplanMeier(Indicator.INSTROOM_DUUR_KM_MEDIAAN_DAGEN, cohort.median());
    }
}

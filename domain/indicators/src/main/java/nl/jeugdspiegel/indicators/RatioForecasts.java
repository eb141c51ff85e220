package nl.jeugdspiegel.indicators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.contract.VooruitblikTable.Grootheid;
import nl.jeugdspiegel.indicators.VooruitblikTables.Forecasted;
import nl.jeugdspiegel.indicators.VooruitblikTables.Members;

/** One origin's members and their simulated active jeugdhulp, for the ratio quantities. */
record RatioForecasts(
        ForecastSeries series, Members members, double[][][] activeJh, int from, int origin, int until, int draws) {

    /**
     * The cost of jeugdhulp: each member with kosten in its last half-year and in at least half of the last {@link
     * VooruitblikTables#KOSTEN_HISTORY}, its active jeugdhulp trajectory-days (active trajectories times the half-year's days) times its own cost per
     * trajectory-day, on the trend of the country's (whose uncertainty and half-yearly spread the members share); a
     * jeugdregio's and Nederland's the sums over their members with kosten.
     */
    void kosten(List<Forecasted> out) {
        int start = Math.max(from, origin - VooruitblikTables.KOSTEN_HISTORY + 1);
        List<Integer> withKosten = new ArrayList<>();
        for (int m = 0; m < members.codes().size(); m++) {
            double[] k = series.kosten().get(members.codes().get(m));
            // kosten in the last half-year and at least half of the history, and in the backtest up to the half-year
            // checked (so that a jeugdregio's and Nederland's actual cost is the sum over the same gemeenten as their
            // forecast)
            boolean complete = k != null && origin - start + 1 == VooruitblikTables.KOSTEN_HISTORY;
            int known = 0;
            for (int t = start; complete && t <= until; t++) {
                known += t <= origin && k[t] > 0 ? 1 : 0;
                complete = t < origin || k[t] > 0;
            }
            if (complete && 2 * known >= VooruitblikTables.KOSTEN_HISTORY) {
                withKosten.add(m);
            }
        }
        if (withKosten.isEmpty()) {
            return;
        }
        // the country's cost per active jeugdhulp trajectory-day over the window, of the members with kosten in each
        // half-year, with its trend and the difference between first and second half-years (a first half-year has
        // 181 or 182 days, a second 184; per day the half-years compare, but not quite)
        double[] euro = new double[origin - from + 1];
        double[] trajectoryDays = new double[euro.length];
        for (int m : withKosten) {
            String code = members.codes().get(m);
            for (int t = from; t <= origin; t++) {
                double k = series.kosten().get(code)[t];
                if (k > 0) {
                    euro[t - from] += k;
                    trajectoryDays[t - from] += series.activeJh(code, t) * series.days(t);
                }
            }
        }
        Ratio national = Ratio.trend(euro, trajectoryDays);
        SplittableRandom random = new SplittableRandom(31L * origin + 7);
        double[][] shared = national.shared(draws, VooruitblikTables.HORIZON, random);
        double[][][] paths = new double[withKosten.size()][][];
        for (int i = 0; i < withKosten.size(); i++) {
            int m = withKosten.get(i);
            String code = members.codes().get(m);
            double[] base = new double[origin - start + 1];
            for (int t = start; t <= origin; t++) {
                base[t - start] = series.activeJh(code, t) * series.days(t);
            }
            double[][] days = new double[draws][VooruitblikTables.HORIZON];
            for (int d = 0; d < draws; d++) {
                for (int k = 0; k < VooruitblikTables.HORIZON; k++) {
                    days[d][k] = activeJh[m][d][k] * series.days(origin + 1 + k);
                }
            }
            // the gemeente's own level on the country's trend; the trend's uncertainty and spread are shared
            Ratio own = Ratio.fit(
                    Arrays.copyOfRange(series.kosten().get(code), start, origin + 1),
                    base,
                    national.slope(),
                    0,
                    national.otherHalf());
            paths[i] = own == null ? new double[draws][VooruitblikTables.HORIZON] : own.times(days, shared, random);
        }
        // their jeugdregio's: those with at least one member with kosten
        Members costed = Members.of(members.codes(withKosten), members::regionOf);
        VooruitblikTables.additive(out, costed, Grootheid.KOSTEN_TOTAAL, paths, (code, t) -> series.kosten()
                .get(code)[t]);
    }

    /**
     * The youths with jeugdhulp, at each level on its own: its own youths per active jeugdhulp trajectory over the
     * window (a ratio with its uncertainty) times the level's simulated active jeugdhulp. For a jeugdregio and
     * Nederland the observed value over the members is the level's own ratio at that half-year times their active
     * jeugdhulp (the level's own count when every municipality is a member).
     */
    void jeugdigen(List<Forecasted> out) {
        SplittableRandom random = new SplittableRandom(37L * origin + 11);
        // no shared part: each level's own ratio
        double[][] none = new double[draws][VooruitblikTables.HORIZON];
        for (int m = 0; m < members.codes().size(); m++) {
            String code = members.codes().get(m);
            double[] youths = series.jeugdigen().get(code);
            double[] base = new double[origin - from + 1];
            for (int t = from; t <= origin; t++) {
                base[t - from] = series.activeJh(code, t);
            }
            Ratio ratio =
                    youths == null ? null : Ratio.fit(Arrays.copyOfRange(youths, from, origin + 1), base, 0, 0, 0);
            if (ratio != null) {
                out.add(new Forecasted(
                        Niveau.GEMEENTE,
                        code,
                        Grootheid.JEUGDIGEN_JH,
                        Vooruitblik.forecast(ratio.times(activeJh[m], none, random)),
                        t -> Double.isNaN(youths[t]) ? null : youths[t]));
            }
        }
        for (int g = 0; g < members.regions().size(); g++) {
            group(out, Niveau.JEUGDREGIO, members.regions().get(g), members.of(g), none, random);
        }
        group(out, Niveau.NEDERLAND, Levels.NEDERLAND_CODE, members.all(), none, random);
    }

    private void group(
            List<Forecasted> out,
            Niveau niveau,
            String code,
            List<Integer> group,
            double[][] none,
            SplittableRandom random) {
        String unit = niveau.code() + "|" + code;
        double[] youths = series.groupJeugdigen().get(unit);
        double[] active = series.groupActiveJh().get(unit);
        Ratio ratio = youths == null || active == null
                ? null
                : Ratio.fit(
                        Arrays.copyOfRange(youths, from, origin + 1),
                        Arrays.copyOfRange(active, from, origin + 1),
                        0,
                        0,
                        0);
        if (ratio == null) {
            return;
        }
        double[][] summed = Vooruitblik.sums(activeJh, group);
        IntFunction<Double> membersActive = VooruitblikTables.sum(members.codes(group), series::activeJh);
        out.add(new Forecasted(
                niveau, code, Grootheid.JEUGDIGEN_JH, Vooruitblik.forecast(ratio.times(summed, none, random)), t -> {
                    Double own = membersActive.apply(t);
                    boolean known = own != null && !Double.isNaN(youths[t]) && active[t] > 0;
                    return known ? youths[t] / active[t] * own : null;
                }));
    }
}

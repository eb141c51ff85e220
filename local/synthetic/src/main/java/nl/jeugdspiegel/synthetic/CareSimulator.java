package nl.jeugdspiegel.synthetic;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Simulates care careers: a youth enters care, has one or more episodes of jeugdhulp, jeugdbescherming
 * or jeugdreclassering (sometimes two at once), may come back after an episode ends (more often after
 * an early end), and may move to another municipality in between (woonplaatsbeginsel: the new
 * municipality then delivers the later trajectories). Rates differ per municipality ({@link Traits}).
 */
final class CareSimulator {

    static final int FIRST_DAY = (int) LocalDate.of(2016, 1, 1).toEpochDay();
    static final int HORIZON = (int) LocalDate.of(2025, 12, 31).toEpochDay();
    /** New careers per year as a share of 0-17, per unit of the municipality's care rate (calibrated). */
    private static final double CAREERS_PER_CARE_RATE = 0.52;

    private static final int PROVIDERS_PER_REGION = 25;
    /** Providers working in every region, and the share of jeugdhulp they give. */
    private static final int NATIONAL_PROVIDERS = 6;

    private static final double NATIONAL_SHARE = 0.2;
    /** The AGB code of the first national provider; the others follow. */
    static final int NATIONAL_AGB = 73_000_001;

    /**
     * A provider: its AGB code and its own propensities, factors on the municipality's rate of ending volgens plan, of
     * coming back after an episode (re-entry), and on the length of its jeugdhulp.
     */
    private record Provider(int agb, double planFactor, double relapseFactor, double durationFactor) {}

    /** Per region its providers, by size rank: rank r gets a share ∝ 1 / r (a few large, a long tail of small ones). */
    private final List<List<Provider>> regional = new java.util.ArrayList<>();

    private final double[] rankCumulative = new double[PROVIDERS_PER_REGION];
    private final List<Provider> national = new java.util.ArrayList<>();
    private final double[] nationalCumulative = {0.38, 0.62, 0.77, 0.87, 0.94, 1.0};
    /** The provider of the trajectory {@link #trajectory} made last. */
    private Provider lastProvider;

    private final SyntheticCountry country;
    private final SplittableRandom random;
    private final CareHistory history = new CareHistory();
    private final BsnSequence bsns;

    CareSimulator(SyntheticCountry country, long seed) {
        this.country = country;
        this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        this.bsns = new BsnSequence(seed);
        SplittableRandom pool = new SplittableRandom(seed ^ 0xA6BL);
        for (int region = 0; region < country.regionCount(); region++) {
            List<Provider> providers = new java.util.ArrayList<>();
            for (int i = 0; i < PROVIDERS_PER_REGION; i++) {
                providers.add(provider(pool, 73_010_000 + region * 100 + i));
            }
            regional.add(providers);
        }
        for (int i = 0; i < NATIONAL_PROVIDERS; i++) {
            national.add(provider(pool, NATIONAL_AGB + i));
        }
        double total = 0;
        for (int r = 0; r < PROVIDERS_PER_REGION; r++) {
            total += 1.0 / (r + 1);
            rankCumulative[r] = total;
        }
        for (int r = 0; r < PROVIDERS_PER_REGION; r++) {
            rankCumulative[r] /= total;
        }
    }

    /**
     * A provider's propensities: most close to the municipality's rates (a spread of about 10 % in volgens plan, 30 % in
     * re-entry, 10 % in duration), one in eight clearly better or worse at ending volgens plan, and one in eight keeping
     * youths longer (1.6 times) with fewer returns (0.55 times).
     */
    private static Provider provider(SplittableRandom random, int agb) {
        double plan = Math.exp(0.10 * Traits.gaussian(random));
        if (random.nextDouble() < 0.125) {
            plan = random.nextBoolean() ? 0.72 : 1.18;
        }
        double relapse = Math.max(0.5, Math.min(2.0, Math.exp(0.3 * Traits.gaussian(random))));
        double duration = Math.exp(0.10 * Traits.gaussian(random));
        if (random.nextDouble() < LONG_CARE_PROVIDERS) {
            relapse = 0.55;
            duration = 1.6;
        }
        return new Provider(agb, Math.max(0.6, Math.min(1.3, plan)), relapse, duration);
    }

    /** The share of providers that keep youths longer with fewer returns. */
    static final double LONG_CARE_PROVIDERS = 0.125;

    /** The national providers' AGB codes, with the synthetic names of the demo's provider register. */
    static Map<String, String> nationalProviderNames() {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        for (int i = 0; i < NATIONAL_PROVIDERS; i++) {
            names.put(
                    Integer.toString(NATIONAL_AGB + i),
                    "Landelijke jeugdhulpaanbieder " + (char) ('A' + i) + " (synthetisch)");
        }
        return names;
    }

    /** The provider of a new trajectory in gemeente g: a national one for a fifth of jeugdhulp, else one of the region. */
    private Provider pickProvider(SyntheticCountry.Gemeente g, byte soort) {
        if (soort == CareHistory.JH && random.nextDouble() < NATIONAL_SHARE) {
            return national.get(rank(nationalCumulative));
        }
        return regional.get(g.regionIndex()).get(rank(rankCumulative));
    }

    private int rank(double[] cumulative) {
        double r = random.nextDouble();
        for (int i = 0; i < cumulative.length; i++) {
            if (r < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    CareHistory run() {
        double years = (HORIZON - FIRST_DAY + 1) / 365.25;
        for (SyntheticCountry.Gemeente g : country.gemeenten()) {
            // the start days follow the municipality's demand trend: their cumulative intensity, per day
            double[] cumulative = g.demand().cumulative(FIRST_DAY, HORIZON);
            double meanIntensity = cumulative[cumulative.length - 1] / cumulative.length;
            double expected = g.jeugd() * g.traits().careRate() * CAREERS_PER_CARE_RATE * years * meanIntensity;
            long careers = poisson(expected);
            for (long c = 0; c < careers; c++) {
                career(g, FIRST_DAY + startDay(cumulative));
            }
        }
        return history;
    }

    /** A day offset drawn from the cumulative intensity (inverse transform). */
    private int startDay(double[] cumulative) {
        double u = random.nextDouble() * cumulative[cumulative.length - 1];
        int i = java.util.Arrays.binarySearch(cumulative, u);
        return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
    }

    private void career(SyntheticCountry.Gemeente home, int firstStart) {
        int start = firstStart;
        int age = firstAge();
        int birth = start - (int) (age * 365.25) - random.nextInt(365);
        double s = random.nextDouble();
        byte sex = (byte) (s < 0.54 ? 1 : s < 0.99 ? 2 : 0);
        int youth = history.addYouth(bsns.next(), birth, sex);
        SyntheticCountry.Gemeente current = home;
        boolean first = true;
        while (start <= HORIZON && (start - birth) / 365.25 < 23) {
            int ageNow = (int) ((start - birth) / 365.25);
            byte soort = soort(first, ageNow);
            int t = trajectory(current, youth, soort, start, ageNow);
            Provider provider = lastProvider;
            if (soort == CareHistory.JH && random.nextDouble() < 0.12) {
                parallelTrajectory(current, youth, t, ageNow);
            }
            if (soort == CareHistory.JH && random.nextDouble() < DOUBLE_DELIVERED) {
                parallelTrajectory(elsewhere(current), youth, t, ageNow);
            }
            int end = history.end[t];
            if (end == CareHistory.NONE) {
                break;
            }
            double comeBack = soort == CareHistory.JH
                    ? current.traits().relapse() * (history.reden[t] == 1 ? 1.0 : 1.9) * provider.relapseFactor()
                    : 0.45;
            if (random.nextDouble() >= comeBack) {
                break;
            }
            start = end + 1 + (int) (-150 * Math.log(1 - random.nextDouble()));
            if (random.nextDouble() < 0.06) {
                current = move(current);
            }
            first = false;
        }
    }

    private int trajectory(SyntheticCountry.Gemeente g, int youth, byte soort, int start, int age) {
        Traits traits = g.traits();
        int t = history.addTrajectory();
        history.gemeente[t] = g.index();
        history.youth[t] = youth;
        history.soort[t] = soort;
        history.start[t] = start;
        lastProvider = pickProvider(g, soort);
        boolean verblijf = false;
        int duration;
        switch (soort) {
            case CareHistory.JH -> {
                verblijf = random.nextDouble() < traits.verblijfShare() * (age >= 12 ? 1.3 : 0.8);
                history.hulpvorm[t] = (byte)
                        (verblijf
                                ? pick(new int[] {11, 12, 13, 14}, 0.45, 0.10, 0.05, 0.40)
                                : pick(new int[] {1, 2, 3, 4}, 0.30, 0.50, 0.10, 0.10));
                duration = (int) ((verblijf ? 300 : 150)
                        * traits.durationFactor()
                        * lastProvider.durationFactor()
                        * Traits.logNormal(random, 0.8));
                history.verwijzer[t] =
                        (byte) pick(new int[] {1, 2, 3, 4, 5, 6, 8}, 0.40, 0.28, 0.07, 0.08, 0.10, 0.05, 0.02);
                if (random.nextDouble() < traits.aanmeldFilled()) {
                    int wait = (int) Math.min(400, traits.waitMedianDays() * Traits.logNormal(random, 0.7));
                    history.aanmeld[t] = start - wait;
                } else {
                    history.aanmeld[t] = CareHistory.NONE;
                }
                history.dailyRate[t] = (float)
                        ((verblijf ? 150 + 170 * random.nextDouble() : 20 + 50 * random.nextDouble())
                                * traits.costFactor());
            }
            case CareHistory.JB -> {
                history.hulpvorm[t] = (byte) pick(new int[] {11, 12, 21, 22, 23}, 0.70, 0.15, 0.10, 0.03, 0.02);
                duration = (int) (365 * Traits.logNormal(random, 0.6));
                history.verwijzer[t] = (byte) (random.nextDouble() < 0.5 ? 4 : 0);
                history.aanmeld[t] = CareHistory.NONE;
                history.dailyRate[t] = (float) ((25 + 15 * random.nextDouble()) * traits.costFactor());
            }
            default -> {
                history.hulpvorm[t] =
                        (byte) pick(new int[] {41, 42, 31, 61, 62, 50}, 0.50, 0.30, 0.08, 0.05, 0.04, 0.03);
                duration = (int) (250 * Traits.logNormal(random, 0.6));
                history.verwijzer[t] = (byte) (random.nextDouble() < 0.5 ? 8 : 0);
                history.aanmeld[t] = CareHistory.NONE;
                history.dailyRate[t] = (float) ((20 + 15 * random.nextDouble()) * traits.costFactor());
            }
        }
        int end = start + Math.max(1, duration);
        history.end[t] = end > HORIZON ? CareHistory.NONE : end;
        outcome(t, traits, soort, verblijf, lastProvider.planFactor());
        history.agb[t] = lastProvider.agb();
        history.productcategorie[t] = (byte) productcategorie(soort, history.hulpvorm[t]);
        return t;
    }

    /**
     * Of the jeugdhulp trajectories, the share that another municipality also delivers jeugdhulp for during it (a
     * woonplaatsbeginsel question: both report the youth for the same days; {@code dubbel_geleverd}).
     */
    static final double DOUBLE_DELIVERED = 0.01;

    /** Another municipality than {@code g}: mostly one of its region. */
    private SyntheticCountry.Gemeente elsewhere(SyntheticCountry.Gemeente g) {
        SyntheticCountry.Gemeente other = move(g);
        while (other.index() == g.index()) {
            other = country.gemeente(random.nextInt(country.gemeenten().size()));
        }
        return other;
    }

    /** A second, lighter jeugdhulp trajectory during the first one, in {@code g}. */
    private void parallelTrajectory(SyntheticCountry.Gemeente g, int youth, int first, int age) {
        int firstEnd = history.end[first] == CareHistory.NONE ? HORIZON : history.end[first];
        int start = history.start[first] + random.nextInt(Math.max(1, (firstEnd - history.start[first]) / 2 + 1));
        if (start > HORIZON) {
            return;
        }
        int t = trajectory(g, youth, CareHistory.JH, start, age);
        if (history.hulpvorm[t] == history.hulpvorm[first] && history.start[t] == history.start[first]) {
            history.start[t] = start + 1; // a different key
        }
    }

    private void outcome(int t, Traits traits, byte soort, boolean verblijf, double providerPlan) {
        if (history.end[t] == CareHistory.NONE) {
            return;
        }
        if (soort == CareHistory.JH) {
            double plan = Math.min(0.97, traits.planRate() * (verblijf ? 0.85 : 1.0) * providerPlan);
            history.reden[t] =
                    (byte) (random.nextDouble() < plan ? 1 : pick(new int[] {2, 3, 4, 5}, 0.40, 0.25, 0.20, 0.15));
        } else if (soort == CareHistory.JB) {
            history.reden[t] = (byte) pick(new int[] {4, 2, 3, 1, 7}, 0.50, 0.15, 0.15, 0.12, 0.08);
        } else {
            history.reden[t] = (byte) (history.hulpvorm[t] == 31 ? 31 : pick(new int[] {4, 2, 3}, 0.55, 0.25, 0.20));
        }
        if (soort == CareHistory.JH && random.nextDouble() < traits.responseRate()) {
            boolean planned = history.reden[t] == 1;
            history.zonderHulpVerder[t] = (byte)
                    (planned
                            ? pick(new int[] {4, 3, 2, 1}, 0.45, 0.25, 0.20, 0.10)
                            : pick(new int[] {4, 3, 2, 1}, 0.15, 0.20, 0.25, 0.40));
            double score = (planned ? 7.4 : 6.2) + traits.satisfactionShift() + 1.3 * Traits.gaussian(random);
            history.tevredenheid[t] = (byte) Math.max(1, Math.min(10, Math.round(score)));
        }
    }

    private int productcategorie(byte soort, int hulpvorm) {
        if (random.nextDouble() >= 0.55) {
            return 0;
        }
        return switch (soort) {
            case CareHistory.JH ->
                hulpvorm < 10
                        ? (random.nextDouble() < 0.3 ? 30 + hulpvorm : 45)
                        : (random.nextDouble() < 0.3 ? 24 + hulpvorm : random.nextDouble() < 0.5 ? 43 : 44);
            case CareHistory.JB -> 48;
            default -> hulpvorm == 31 ? 49 : 47;
        };
    }

    private byte soort(boolean first, int age) {
        double s = random.nextDouble();
        double jb = first ? 0.08 : 0.10;
        double jr = age >= 12 ? (first ? 0.04 : 0.05) : 0;
        return s < jb ? CareHistory.JB : s < jb + jr ? CareHistory.JR : CareHistory.JH;
    }

    private int firstAge() {
        double a = random.nextDouble();
        if (a < 0.10) {
            return random.nextInt(4);
        } else if (a < 0.50) {
            return 4 + random.nextInt(8);
        } else if (a < 0.95) {
            return 12 + random.nextInt(6);
        }
        return 18 + random.nextInt(4);
    }

    private SyntheticCountry.Gemeente move(SyntheticCountry.Gemeente from) {
        if (random.nextDouble() < 0.75) {
            List<Integer> members = country.regionMembers(from.regionIndex());
            return country.gemeente(members.get(random.nextInt(members.size())));
        }
        return country.gemeente(random.nextInt(country.gemeenten().size()));
    }

    private int pick(int[] values, double... weights) {
        double r = random.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < values.length; i++) {
            cumulative += weights[i];
            if (r < cumulative) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private long poisson(double mean) {
        if (mean > 50) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * Traits.gaussian(random)));
        }
        double l = Math.exp(-mean);
        long k = 0;
        double p = 1;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }
}

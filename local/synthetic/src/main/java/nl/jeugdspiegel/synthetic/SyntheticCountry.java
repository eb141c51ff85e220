package nl.jeugdspiegel.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import nl.jeugdspiegel.core.reference.Municipality;
import nl.jeugdspiegel.core.reference.ReferenceData;

/**
 * The 342 municipalities with a synthetic population and synthetic traits. Populations of the largest
 * municipalities are rounded public orders of magnitude (so Amsterdam is large and Vlieland small); all
 * others are drawn at random. None of it is official CBS data: every output says "synthetisch".
 */
final class SyntheticCountry {

    /** Approximate inhabitants (rounded orders of magnitude, not CBS figures) of the largest municipalities. */
    private static final Map<String, Integer> LARGE = Map.ofEntries(
            Map.entry("GM0363", 930_000),
            Map.entry("GM0599", 670_000),
            Map.entry("GM0518", 560_000),
            Map.entry("GM0344", 375_000),
            Map.entry("GM0772", 245_000),
            Map.entry("GM0014", 240_000),
            Map.entry("GM0855", 225_000),
            Map.entry("GM0034", 225_000),
            Map.entry("GM0758", 185_000),
            Map.entry("GM0268", 180_000),
            Map.entry("GM0200", 167_000),
            Map.entry("GM0202", 167_000),
            Map.entry("GM0392", 165_000),
            Map.entry("GM0394", 160_000),
            Map.entry("GM0153", 160_000),
            Map.entry("GM0307", 160_000),
            Map.entry("GM0479", 160_000),
            Map.entry("GM0796", 160_000),
            Map.entry("GM0193", 130_000),
            Map.entry("GM0546", 127_000),
            Map.entry("GM0637", 126_000),
            Map.entry("GM0935", 122_000),
            Map.entry("GM0505", 120_000),
            Map.entry("GM0228", 120_000),
            Map.entry("GM0484", 115_000),
            Map.entry("GM1783", 115_000),
            Map.entry("GM0361", 110_000),
            Map.entry("GM0114", 108_000),
            Map.entry("GM0503", 105_000),
            Map.entry("GM0983", 103_000),
            Map.entry("GM0150", 102_000),
            Map.entry("GM0794", 94_000),
            Map.entry("GM0828", 93_000),
            Map.entry("GM0362", 92_000),
            Map.entry("GM1883", 91_000),
            Map.entry("GM0096", 1_150),
            Map.entry("GM0088", 950));

    record Gemeente(
            int index,
            Municipality municipality,
            long inwoners,
            long jeugd,
            Traits traits,
            Dialect dialect,
            int regionIndex,
            DemandTrend demand) {}

    private final List<Gemeente> gemeenten = new ArrayList<>();
    private final List<List<Integer>> regionMembers = new ArrayList<>();

    SyntheticCountry(long seed, double scale) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> regionCodes = new ArrayList<>();
        ReferenceData.get().regions().forEach(r -> regionCodes.add(r.code()));
        regionCodes.forEach(r -> regionMembers.add(new ArrayList<>()));
        int index = 0;
        for (Municipality m : ReferenceData.get().municipalities()) {
            SplittableRandom own = random.split();
            double inwoners = LARGE.containsKey(m.code())
                    ? LARGE.get(m.code())
                    : Traits.clamp(30_000 * Traits.logNormal(own, 0.6), 4_000, 88_000);
            double youthShare =
                    m.code().equals("GM0184") ? 0.33 : Traits.clamp(0.195 + 0.018 * Traits.gaussian(own), 0.14, 0.27);
            long scaled = Math.max(1, Math.round(inwoners * scale));
            int region = regionCodes.indexOf(m.jeugdregioCode());
            Traits traits = Traits.draw(own);
            Dialect dialect = Dialect.draw(own);
            gemeenten.add(new Gemeente(
                    index,
                    m,
                    scaled,
                    Math.max(1, Math.round(scaled * youthShare)),
                    traits,
                    dialect,
                    region,
                    DemandTrend.draw(own)));
            regionMembers.get(region).add(index);
            index++;
        }
    }

    List<Gemeente> gemeenten() {
        return gemeenten;
    }

    Gemeente gemeente(int index) {
        return gemeenten.get(index);
    }

    int regionCount() {
        return regionMembers.size();
    }

    List<Integer> regionMembers(int region) {
        return regionMembers.get(region);
    }

    /** Inhabitants on 1 January of {@code year}: a slow synthetic growth from 2021. */
    static long inwonersIn(long base, int year, Gemeente g) {
        double growth = 1 + (0.004 + 0.002 * ((g.index() % 5) - 2)) * (year - 2021);
        return Math.round(base * growth);
    }
}

package nl.jeugdspiegel.indicators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.contract.ProviderUnits;
import nl.jeugdspiegel.contract.SizeClass;
import nl.jeugdspiegel.core.reference.Jeugdregio;
import nl.jeugdspiegel.core.reference.Municipality;
import nl.jeugdspiegel.core.reference.ReferenceData;

/**
 * The units of the four levels for one periode, and which unit each gemeente belongs to. The size class
 * of a gemeente comes from the population file of the periode's year, or the nearest year that has one
 * (the earlier on a tie); a gemeente missing from that file belongs to no size class.
 */
final class Levels {

    /** The units of one level: codes, names and, per gemeente index, the unit (-1: none). */
    record Level(Niveau niveau, List<String> codes, List<String> names, int[] unitOf) {
        int units() {
            return codes.size();
        }
    }

    static final String NEDERLAND_CODE = "NL";
    static final String NEDERLAND_NAAM = "Nederland";

    private Levels() {}

    static List<Level> of(List<String> gemeenten, Population sizeSource) {
        ReferenceData reference = ReferenceData.get();
        int count = gemeenten.size();

        List<String> names = new ArrayList<>();
        int[] own = new int[count];
        for (int g = 0; g < count; g++) {
            own[g] = g;
            names.add(reference
                    .municipality(gemeenten.get(g))
                    .map(Municipality::naam)
                    .orElse(gemeenten.get(g)));
        }
        Level gemeente = new Level(Niveau.GEMEENTE, gemeenten, names, own);

        List<String> regionCodes = new ArrayList<>();
        List<String> regionNames = new ArrayList<>();
        int[] regionOf = new int[count];
        Arrays.fill(regionOf, -1);
        for (Jeugdregio region : reference.regions()) {
            int unit = regionCodes.size();
            regionCodes.add(region.code());
            regionNames.add(region.naam());
            for (Municipality m : region.gemeenten()) {
                int g = gemeenten.indexOf(m.code());
                if (g >= 0) {
                    regionOf[g] = unit;
                }
            }
        }
        Level jeugdregio = new Level(Niveau.JEUGDREGIO, regionCodes, regionNames, regionOf);

        List<String> classCodes = new ArrayList<>();
        List<String> classNames = new ArrayList<>();
        for (SizeClass c : SizeClass.values()) {
            classCodes.add(c.code());
            classNames.add(c.naam());
        }
        int[] classOf = new int[count];
        Arrays.fill(classOf, -1);
        if (sizeSource != null) {
            for (int g = 0; g < count; g++) {
                Population.Inhabitants inhabitants = sizeSource.of(gemeenten.get(g));
                if (inhabitants != null) {
                    classOf[g] = SizeClass.of(inhabitants.totaal()).ordinal();
                }
            }
        }
        Level grootteklasse = new Level(Niveau.GROOTTEKLASSE, classCodes, classNames, classOf);

        Level nederland = new Level(Niveau.NEDERLAND, List.of(NEDERLAND_CODE), List.of(NEDERLAND_NAAM), new int[count]);
        return List.of(gemeente, jeugdregio, grootteklasse, nederland);
    }

    /**
     * The units of a provider level after the v1.3 rule: a unit with fewer than {@link ProviderUnits#MIN_YOUTHS} distinct
     * youths joins the pooled unit of its level ({@link ProviderUnits#pooledCode}), which exists when any unit joins it.
     */
    static Map<String, List<Integer>> pooled(
            Map<String, List<Integer>> units, LevelFigures.Entries activeClients, int cells) {
        List<String> codes = new ArrayList<>(units.keySet());
        int[] unitOf = new int[cells];
        Arrays.fill(unitOf, -1);
        for (int u = 0; u < codes.size(); u++) {
            for (int c : units.get(codes.get(u))) {
                unitOf[c] = u;
            }
        }
        long[] youths = LevelFigures.distinct(activeClients, unitOf, codes.size())[0];
        Map<String, List<Integer>> out = new TreeMap<>();
        for (int u = 0; u < codes.size(); u++) {
            String code = codes.get(u);
            String target = ProviderUnits.ownUnit(youths[u]) ? code : ProviderUnits.pooledCode(code);
            out.computeIfAbsent(target, k -> new ArrayList<>()).addAll(units.get(code));
        }
        return out;
    }

    static Level providerLevel(
            Niveau niveau, Map<String, List<Integer>> units, int cells, Map<String, String> providerNames) {
        int[] unitOf = new int[cells];
        Arrays.fill(unitOf, -1);
        List<String> codes = new ArrayList<>(units.keySet());
        List<String> names = new ArrayList<>();
        for (int u = 0; u < codes.size(); u++) {
            String code = codes.get(u);
            String agb = ProviderUnits.agb(code);
            names.add(ProviderUnits.pooled(code) ? ProviderUnits.POOLED_NAAM : providerNames.getOrDefault(agb, agb));
            for (int c : units.get(code)) {
                unitOf[c] = u;
            }
        }
        return new Level(niveau, codes, names, unitOf);
    }
}

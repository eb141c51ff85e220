package nl.jeugdspiegel.indicators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.jeugdspiegel.contract.Niveau;
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
}

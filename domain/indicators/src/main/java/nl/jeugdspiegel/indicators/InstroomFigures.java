package nl.jeugdspiegel.indicators;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.contract.Unit;
import nl.jeugdspiegel.core.reference.ReferenceData;

/**
 * The figures of one cohort per unit (indicators v1.3): its members, the members in each state at each horizon that is
 * due, and the Kaplan–Meier median of the episode length. Units so far: gemeente, jeugdregio and nederland by the
 * member's gemeente, and aanbieder by its AGB code as delivered (the v1.3 provider rule, the size classes and the
 * tables' rows come when the cohort indicators join the catalogue).
 */
final class InstroomFigures {

    /** A unit's cohort: members; per horizon (null: not yet due) the count per {@link Instroom.State}; the median. */
    record Figures(int members, int[][] states, Instroom.Median median) {}

    private InstroomFigures() {}

    /**
     * The figures per unit of the cohort whose half-year ends on {@code lastDay}, the lake reaching {@code lmax}.
     * {@code gemeenten}: the gemeentecodes by the members' gemeente index.
     */
    static Map<Unit, Figures> byUnit(List<Instroom.Member> members, List<String> gemeenten, int lastDay, int lmax) {
        java.util.Comparator<Unit> order =
                java.util.Comparator.comparing(Unit::niveau).thenComparing(Unit::code);
        Map<Unit, List<Instroom.Member>> units = new TreeMap<>(order);
        ReferenceData reference = ReferenceData.get();
        for (Instroom.Member m : members) {
            String gemeente = gemeenten.get(m.gemeente());
            units.computeIfAbsent(new Unit(Niveau.GEMEENTE, gemeente), u -> new ArrayList<>())
                    .add(m);
            reference.municipality(gemeente).ifPresent(g -> units.computeIfAbsent(
                            new Unit(Niveau.JEUGDREGIO, g.jeugdregioCode()), u -> new ArrayList<>())
                    .add(m));
            units.computeIfAbsent(Unit.NEDERLAND, u -> new ArrayList<>()).add(m);
            if (m.agb() != null) {
                units.computeIfAbsent(new Unit(Niveau.AANBIEDER, m.agb()), u -> new ArrayList<>())
                        .add(m);
            }
        }
        Map<Unit, Figures> figures = new TreeMap<>(order);
        units.forEach((unit, list) -> figures.put(unit, figures(list, lastDay, lmax)));
        return figures;
    }

    static Figures figures(List<Instroom.Member> members, int lastDay, int lmax) {
        int[][] states = new int[Instroom.HORIZONS.length][];
        for (int h = 0; h < Instroom.HORIZONS.length; h++) {
            if (!Instroom.due(lastDay, Instroom.HORIZONS[h], lmax)) {
                continue;
            }
            states[h] = new int[Instroom.State.values().length];
            for (Instroom.Member m : members) {
                states[h][Instroom.state(m, Instroom.HORIZONS[h]).ordinal()]++;
            }
        }
        return new Figures(members.size(), states, Instroom.kaplanMeierMedian(members, lmax));
    }
}

package nl.jeugdspiegel.indicators;

import java.util.ArrayList;
import java.util.List;
import nl.jeugdspiegel.contract.Niveau;

/**
 * The instroomcohort of a periode in the engine (indicators v1.3): its members over the merged jeugdhulp rows of every
 * municipality, read through a view on the engine's rows grouped by client, and the cohort's figures per unit of a
 * level. A member counts when its gemeente delivered for P, as every figure of P counts only delivering municipalities;
 * it counts for the provider unit of its trajectory's gemeente–provider cell.
 */
final class InstroomCohorts {

    /** A unit's cohort: members; per horizon the count per {@link Instroom.State} (null: not yet due); the median. */
    record Figures(int members, int[][] states, Instroom.Median median) {
        static final Figures NONE = new Figures(0, new int[Instroom.HORIZONS.length][], null);
    }

    /** The members of one cohort that count, each with its gemeente–provider cell (-1: none). */
    record Cohort(List<Instroom.Member> members, int[] cells, int lastDay, int lmax) {}

    private final LakeData data;
    private final int[] jhFrom;
    private final int[] jhRows;
    private final int[] cellOf;

    /** {@code jhRows[jhFrom[c] .. jhFrom[c + 1])}: the jeugdhulp rows of client c by start; {@code cellOf} per row. */
    InstroomCohorts(LakeData data, int[] jhFrom, int[] jhRows, int[] cellOf) {
        this.data = data;
        this.jhFrom = jhFrom;
        this.jhRows = jhRows;
        this.cellOf = cellOf;
    }

    /** The last day of the latest half-year in the lake (Lmax). */
    int lmax() {
        int lmax = Integer.MIN_VALUE;
        for (var p : data.periods) {
            lmax = Math.max(lmax, p.lastEpochDay());
        }
        return lmax;
    }

    /** The cohort of the half-year [first, last]: the members whose gemeente is {@code counted}. */
    Cohort of(int first, int last, boolean[] counted) {
        ClientRows rows = new ClientRows();
        List<Instroom.Member> members = new ArrayList<>();
        int[] cells = new int[1024];
        for (int c = 0; c < data.clientCount; c++) {
            rows.from = jhFrom[c];
            rows.to = jhFrom[c + 1];
            if (rows.to == rows.from || data.start[jhRows[rows.from]] > last) {
                continue;
            }
            Instroom.Member m = Instroom.member(rows, first, last);
            if (m == null || !counted[m.gemeente()]) {
                continue;
            }
            if (members.size() == cells.length) {
                cells = java.util.Arrays.copyOf(cells, cells.length * 2);
            }
            int k = Instroom.attributingRow(rows, m);
            cells[members.size()] = k < 0 ? -1 : cellOf[rows.row(k)];
            members.add(m);
        }
        return new Cohort(members, java.util.Arrays.copyOf(cells, members.size()), last, lmax());
    }

    /** The figures per unit of each level (of none at aanbieder_jeugdregio, which has no cohorts). */
    static List<Figures[]> perLevel(Cohort cohort, List<Levels.Level> levels) {
        List<Figures[]> out = new ArrayList<>();
        for (Levels.Level level : levels) {
            if (level.niveau() == Niveau.AANBIEDER_JEUGDREGIO) {
                Figures[] none = new Figures[level.units()];
                java.util.Arrays.fill(none, Figures.NONE);
                out.add(none);
            } else {
                out.add(byUnit(cohort, level, level.niveau() == Niveau.AANBIEDER));
            }
        }
        return out;
    }

    /**
     * The figures per unit of {@code level}: by the members' gemeente, or for a provider level by their cell. A unit
     * without members gets figures of none.
     */
    static Figures[] byUnit(Cohort cohort, Levels.Level level, boolean byCell) {
        int units = level.units();
        List<List<Instroom.Member>> perUnit = new ArrayList<>(units);
        for (int u = 0; u < units; u++) {
            perUnit.add(new ArrayList<>());
        }
        List<Instroom.Member> members = cohort.members();
        for (int i = 0; i < members.size(); i++) {
            int slot = byCell ? cohort.cells()[i] : members.get(i).gemeente();
            int unit = slot < 0 ? -1 : level.unitOf()[slot];
            if (unit >= 0) {
                perUnit.get(unit).add(members.get(i));
            }
        }
        Figures[] out = new Figures[units];
        for (int u = 0; u < units; u++) {
            out[u] = figures(perUnit.get(u), cohort.lastDay(), cohort.lmax());
        }
        return out;
    }

    /** The figures of one unit's members. */
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

    /** One client's jeugdhulp rows of the engine as {@link Instroom.Trajectories}; moved from client to client. */
    private final class ClientRows implements Instroom.Trajectories {
        int from;
        int to;

        int row(int k) {
            return jhRows[from + k];
        }

        @Override
        public int size() {
            return to - from;
        }

        @Override
        public int gemeente(int k) {
            return data.gemeente[row(k)];
        }

        @Override
        public String agb(int k) {
            int agb = data.agb[row(k)];
            return agb < 0 ? null : data.agbs.get(agb);
        }

        @Override
        public int start(int k) {
            return data.start[row(k)];
        }

        @Override
        public int end(int k) {
            return data.end[row(k)];
        }

        @Override
        public boolean volgensPlan(int k) {
            return data.reden[row(k)] == 1;
        }
    }
}

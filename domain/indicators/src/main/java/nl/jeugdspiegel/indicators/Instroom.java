package nl.jeugdspiegel.indicators;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Instroomcohorten (indicators v1.3, "instroomcohorten"): a client's care as episodes (maximal runs of days in zorg over
 * the jeugdhulp trajectories of every municipality; a trajectory that starts the day after another ends continues the
 * episode), its membership of the cohort of a half-year (the first episode that starts in it), the member's attribution
 * (the lowest gemeente, and within it the lowest AGB code, of the trajectories starting on that day), its return (the
 * first start after the episode), and its state at each horizon; and the Kaplan–Meier median of the episode length.
 * Pure functions over a client's rows, so the rules are tested on hand-worked cases; the engine feeds them its merged
 * lake.
 */
final class Instroom {

    /** An end that is not there: the trajectory (or the episode) is open. */
    static final int OPEN = LakeData.NONE;

    /** The horizons in days, in the order of {@link nl.jeugdspiegel.contract.Indicator#INSTROOM_HORIZONS}. */
    static final int[] HORIZONS = {181, 365, 730};

    private Instroom() {}

    /**
     * One jeugdhulp trajectory of a client: the gemeente that delivered it (an index that follows the gemeentecodes, so
     * the lowest index is the lowest code), its AGB code (null: none), start and end day ({@link #OPEN}: none), and
     * whether it ended volgens plan (reden_beeindiging 01).
     */
    record Row(int gemeente, String agb, int start, int end, boolean volgensPlan) {}

    /**
     * A member of a cohort: its attribution (gemeente, AGB code or null), its episode's start and end ({@link #OPEN}),
     * the start of its first care after the episode ({@link #OPEN}: none), and whether the episode ended volgens plan
     * (every trajectory ending on its last day did).
     */
    record Member(int gemeente, String agb, int start, int end, int returnStart, boolean volgensPlan) {
        boolean open() {
            return end == OPEN;
        }
    }

    /**
     * Where a member is at a horizon; the four add up to the cohort. In the order of
     * {@link nl.jeugdspiegel.contract.Indicator#INSTROOM_STATES}.
     */
    enum State {
        IN_ZORG,
        TERUG,
        UIT_VOLGENS_PLAN,
        UIT_ANDERS
    }

    /**
     * A client's jeugdhulp trajectories sorted by start: the engine's view on its merged lake, or a list of {@link Row}s
     * in the tests.
     */
    interface Trajectories {
        int size();

        int gemeente(int k);

        /** The AGB code, or null for none. */
        String agb(int k);

        int start(int k);

        /** The end, or {@link #OPEN}. */
        int end(int k);

        boolean volgensPlan(int k);
    }

    /** Rows as {@link Trajectories}, sorted by start. */
    static Trajectories sorted(List<Row> rows) {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingInt(Row::start));
        return new Trajectories() {
            @Override
            public int size() {
                return sorted.size();
            }

            @Override
            public int gemeente(int k) {
                return sorted.get(k).gemeente();
            }

            @Override
            public String agb(int k) {
                return sorted.get(k).agb();
            }

            @Override
            public int start(int k) {
                return sorted.get(k).start();
            }

            @Override
            public int end(int k) {
                return sorted.get(k).end();
            }

            @Override
            public boolean volgensPlan(int k) {
                return sorted.get(k).volgensPlan();
            }
        };
    }

    /**
     * The client's membership of the cohort whose half-year runs from day {@code first} to {@code last}, or null when
     * none of its episodes starts in it. {@code rows}: the client's jeugdhulp trajectories, in any order.
     */
    static Member member(List<Row> rows, int first, int last) {
        return member(sorted(rows), first, last);
    }

    /** As {@link #member(List, int, int)}, over trajectories sorted by start. */
    static Member member(Trajectories rows, int first, int last) {
        int n = rows.size();
        int i = 0;
        while (i < n) {
            int start = rows.start(i);
            int end = rows.end(i);
            int j = i + 1;
            while (j < n && end != OPEN && rows.start(j) <= end + 1) {
                int e = rows.end(j);
                end = e == OPEN ? OPEN : Math.max(end, e);
                j++;
            }
            if (end == OPEN) {
                j = n; // everything after it lies inside the open episode
            }
            if (start > last) {
                return null;
            }
            if (start >= first) {
                return attributed(rows, start, end, j);
            }
            i = j;
        }
        return null;
    }

    /** The member of the episode [start, end] whose rows end before index {@code next}. */
    private static Member attributed(Trajectories rows, int start, int end, int next) {
        int gemeente = Integer.MAX_VALUE;
        for (int k = 0; k < next; k++) {
            if (rows.start(k) == start) {
                gemeente = Math.min(gemeente, rows.gemeente(k));
            }
        }
        String agb = null;
        boolean volgensPlan = true;
        for (int k = 0; k < next; k++) {
            String code = rows.start(k) == start && rows.gemeente(k) == gemeente ? rows.agb(k) : null;
            if (code != null && (agb == null || code.compareTo(agb) < 0)) {
                agb = code;
            }
            if (end != OPEN && rows.end(k) == end) {
                volgensPlan &= rows.volgensPlan(k);
            }
        }
        int returnStart = next < rows.size() && end != OPEN ? rows.start(next) : OPEN;
        return new Member(gemeente, agb, start, end, returnStart, end != OPEN && volgensPlan);
    }

    /**
     * The index of the trajectory whose AGB code the member carries (the lowest among its gemeente's trajectories that
     * start on its first day), or -1 when it carries none.
     */
    static int attributingRow(Trajectories rows, Member m) {
        if (m.agb() == null) {
            return -1;
        }
        for (int k = 0; k < rows.size() && rows.start(k) <= m.start(); k++) {
            if (rows.start(k) == m.start()
                    && rows.gemeente(k) == m.gemeente()
                    && m.agb().equals(rows.agb(k))) {
                return k;
            }
        }
        return -1;
    }

    /** The member's state {@code horizon} days after its start. */
    static State state(Member m, int horizon) {
        int day = m.start() + horizon;
        if (m.open() || m.end() >= day) {
            return State.IN_ZORG;
        }
        if (m.returnStart() != OPEN && m.returnStart() <= day) {
            return State.TERUG;
        }
        return m.volgensPlan() ? State.UIT_VOLGENS_PLAN : State.UIT_ANDERS;
    }

    /**
     * Is horizon {@code horizon} of the cohort whose half-year ends on {@code lastDay} due, when the lake reaches day
     * {@code lmax} (the last day of the latest half-year any municipality delivered for)?
     */
    static boolean due(int lastDay, int horizon, int lmax) {
        return lastDay + horizon <= lmax;
    }

    /**
     * A Kaplan–Meier median: the episode length in days ({@code reached}), or not reached while the survival stays
     * above one half; events are the ended episodes, members the cohort.
     */
    record Median(int days, boolean reached, int events, int members) {}

    /**
     * The Kaplan–Meier median of the episode length E − s over the members: an episode that is open, or ends after
     * {@code lmax}, is censored at lmax − s; at equal times events count before censorings; the median is the smallest
     * t with S(t) ≤ ½ (S landing on ½ exactly gives t itself), compared with a tolerance of 1e-9.
     */
    static Median kaplanMeierMedian(List<Member> members, int lmax) {
        int n = members.size();
        long[] keys = new long[n];
        int events = 0;
        for (int k = 0; k < n; k++) {
            Member m = members.get(k);
            boolean event = !m.open() && m.end() <= lmax;
            int time = event ? m.end() - m.start() : lmax - m.start();
            // by time, and at one time the events (0) before the censorings (1)
            keys[k] = ((long) time << 1) | (event ? 0 : 1);
            if (event) {
                events++;
            }
        }
        java.util.Arrays.sort(keys);
        double survival = 1.0;
        int atRisk = n;
        int k = 0;
        while (k < n) {
            int time = (int) (keys[k] >> 1);
            int died = 0;
            int leaving = 0;
            while (k < n && (int) (keys[k] >> 1) == time) {
                if ((keys[k] & 1) == 0) {
                    died++;
                }
                leaving++;
                k++;
            }
            if (died > 0) {
                survival *= (double) (atRisk - died) / atRisk;
                if (survival <= 0.5 + 1e-9) {
                    return new Median(time, true, events, n);
                }
            }
            atRisk -= leaving;
        }
        return new Median(0, false, events, n);
    }
}

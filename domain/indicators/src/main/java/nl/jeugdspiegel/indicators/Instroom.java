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

    /** The horizons in days, for the ids {@code 6m}, {@code 12m} and {@code 24m}. */
    static final int[] HORIZONS = {181, 365, 730};

    static final String[] HORIZON_IDS = {"6m", "12m", "24m"};

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

    /** Where a member is at a horizon; the four add up to the cohort. */
    enum State {
        IN_ZORG("in_zorg"),
        TERUG("terug"),
        UIT_VOLGENS_PLAN("uit_volgens_plan"),
        UIT_ANDERS("uit_anders");

        final String id;

        State(String id) {
            this.id = id;
        }
    }

    /**
     * The client's membership of the cohort whose half-year runs from day {@code first} to {@code last}, or null when
     * none of its episodes starts in it. {@code rows}: the client's jeugdhulp trajectories, in any order.
     */
    static Member member(List<Row> rows, int first, int last) {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingInt(Row::start));
        int i = 0;
        while (i < sorted.size()) {
            int start = sorted.get(i).start();
            int end = sorted.get(i).end();
            int j = i + 1;
            while (j < sorted.size() && end != OPEN && sorted.get(j).start() <= end + 1) {
                int e = sorted.get(j).end();
                end = e == OPEN ? OPEN : Math.max(end, e);
                j++;
            }
            if (end == OPEN) {
                j = sorted.size(); // everything after it lies inside the open episode
            }
            if (start > last) {
                return null;
            }
            if (start >= first) {
                return attributed(sorted, start, end, j);
            }
            i = j;
        }
        return null;
    }

    /** The member of the episode [start, end] whose rows end before index {@code next}. */
    private static Member attributed(List<Row> sorted, int start, int end, int next) {
        int gemeente = Integer.MAX_VALUE;
        for (Row r : sorted) {
            if (r.start() == start) {
                gemeente = Math.min(gemeente, r.gemeente());
            }
        }
        String agb = null;
        boolean volgensPlan = true;
        for (Row r : sorted) {
            if (r.start() == start
                    && r.gemeente() == gemeente
                    && r.agb() != null
                    && (agb == null || r.agb().compareTo(agb) < 0)) {
                agb = r.agb();
            }
            if (end != OPEN && r.end() == end) {
                volgensPlan &= r.volgensPlan();
            }
        }
        int returnStart = next < sorted.size() && end != OPEN ? sorted.get(next).start() : OPEN;
        return new Member(gemeente, agb, start, end, returnStart, end != OPEN && volgensPlan);
    }

    /**
     * The members of the cohort whose half-year runs from day {@code first} to {@code last}, over the merged lake's
     * jeugdhulp rows of every municipality: one per client with an episode starting in it.
     */
    static List<Member> members(LakeData data, int first, int last) {
        List<List<Row>> byClient = new ArrayList<>(data.clientCount);
        for (int c = 0; c < data.clientCount; c++) {
            byClient.add(null);
        }
        for (int r = 0; r < data.size; r++) {
            if (data.soort[r] != Codes.JH) {
                continue;
            }
            List<Row> rows = byClient.get(data.client[r]);
            if (rows == null) {
                rows = new ArrayList<>(2);
                byClient.set(data.client[r], rows);
            }
            rows.add(new Row(
                    data.gemeente[r],
                    data.agb[r] < 0 ? null : data.agbs.get(data.agb[r]),
                    data.start[r],
                    data.end[r],
                    data.reden[r] == 1));
        }
        List<Member> members = new ArrayList<>();
        for (List<Row> rows : byClient) {
            Member m = rows == null ? null : member(rows, first, last);
            if (m != null) {
                members.add(m);
            }
        }
        return members;
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

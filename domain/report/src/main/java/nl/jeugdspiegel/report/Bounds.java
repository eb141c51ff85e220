package nl.jeugdspiegel.report;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an attacker can conclude about unknown counts: named integer variables with interval domains, and
 * constraints between them, narrowed to a fixpoint (bounds propagation). Every published figure bounds one
 * or more counts, and the relations between counts ({@link CountModel}: a jeugdregio is the sum of its
 * municipalities, a denominator the sum of its cells, a half-year follows from the one before) carry what
 * one figure reveals to the others. {@link Differencing} audits a publication with it; the benchmark's
 * attacker attacks the published files with it.
 */
public final class Bounds {

    /** The upper bound of a count nothing is known about. */
    public static final long UNKNOWN = 1L << 40;
    /** A constraint with more variables than this waits until the shorter ones are settled. */
    private static final int LONG = 16;

    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private long[] lo = new long[1024];
    private long[] hi = new long[1024];
    private final List<Constraint> constraints = new ArrayList<>();
    private final List<List<Integer>> watchers = new ArrayList<>();
    /** Constraints to narrow again: short ones first, the long sums once the short ones are settled. */
    private final Deque<Integer> pending = new ArrayDeque<>();

    private final Deque<Integer> pendingLong = new ArrayDeque<>();
    private boolean[] queued = new boolean[1024];
    private final List<String> contradictions = new ArrayList<>();

    private interface Constraint {
        int[] vars();

        /** Narrows the domains of its variables; false when it found them empty. */
        boolean narrow(Bounds b);
    }

    /** The variable of this name, created with domain [0, UNKNOWN] (every count is at least 0). */
    public int var(String name) {
        Integer existing = index.get(name);
        if (existing != null) {
            return existing;
        }
        int v = names.size();
        if (v == lo.length) {
            lo = Arrays.copyOf(lo, 2 * v);
            hi = Arrays.copyOf(hi, 2 * v);
        }
        names.add(name);
        index.put(name, v);
        lo[v] = 0;
        hi[v] = UNKNOWN;
        watchers.add(new ArrayList<>());
        return v;
    }

    public int size() {
        return names.size();
    }

    public String name(int v) {
        return names.get(v);
    }

    public long lo(int v) {
        return lo[v];
    }

    public long hi(int v) {
        return hi[v];
    }

    /** What the model could not reconcile: a non-empty list means the attacker's assumptions are wrong. */
    public List<String> contradictions() {
        return contradictions;
    }

    /**
     * The short constraints on a variable (not the sums over many municipalities), with the bounds of every
     * variable in them: how the attacker got there.
     */
    public List<String> explain(int v) {
        List<String> out = new ArrayList<>();
        for (int id : watchers.get(v)) {
            Constraint c = constraints.get(id);
            if (c.vars().length > 8) {
                continue; // the sums over many municipalities: too long to read
            }
            StringBuilder line = new StringBuilder(c.getClass().getSimpleName()).append(':');
            int[] vars = c.vars();
            for (int i = 0; i < vars.length; i++) {
                String sign = c instanceof Linear linear ? (linear.coefficients()[i] > 0 ? " +" : " -") : " ";
                line.append(sign)
                        .append(names.get(vars[i]))
                        .append('[')
                        .append(lo[vars[i]])
                        .append(',')
                        .append(hi[vars[i]])
                        .append(']');
            }
            out.add(line.toString());
        }
        return out;
    }

    /** The variables of every constraint on {@code v}. */
    public List<int[]> constraintsOf(int v) {
        List<int[]> out = new ArrayList<>();
        for (int id : watchers.get(v)) {
            out.add(constraints.get(id).vars());
        }
        return out;
    }

    /** x ∈ [low, high]. */
    public void within(int v, long low, long high) {
        narrowTo(v, low, high);
    }

    /** Σ coefficient·variable = constant, coefficients ±1. */
    public void sum(int[] vars, int[] coefficients, long constant) {
        add(new Linear(vars, coefficients, constant));
    }

    /** total = Σ parts. */
    public void total(int total, int... parts) {
        int[] vars = new int[parts.length + 1];
        int[] coefficients = new int[parts.length + 1];
        vars[0] = total;
        coefficients[0] = 1;
        for (int i = 0; i < parts.length; i++) {
            vars[i + 1] = parts[i];
            coefficients[i + 1] = -1;
        }
        sum(vars, coefficients, 0);
    }

    /** (a, b) is one of the given pairs. */
    public void pairs(int a, int b, long[] as, long[] bs) {
        add(new Pairs(a, b, as, bs));
    }

    /** a ≤ limit or b ≤ limit (a suppression that names both as its possible cause). */
    public void eitherAtMost(int a, int b, long limit) {
        add(new EitherAtMost(a, b, limit));
    }

    private void add(Constraint c) {
        int id = constraints.size();
        constraints.add(c);
        if (id == queued.length) {
            queued = Arrays.copyOf(queued, 2 * id);
        }
        for (int v : c.vars()) {
            watchers.get(v).add(id);
        }
        enqueue(id);
    }

    private void enqueue(int id) {
        if (!queued[id]) {
            queued[id] = true;
            (constraints.get(id).vars().length > LONG ? pendingLong : pending).add(id);
        }
    }

    /** Narrows every domain until nothing changes. */
    public void propagate() {
        while (!pending.isEmpty() || !pendingLong.isEmpty()) {
            int id = pending.isEmpty() ? pendingLong.poll() : pending.poll();
            queued[id] = false;
            Constraint c = constraints.get(id);
            if (!c.narrow(this)) {
                StringBuilder vars = new StringBuilder();
                for (int v : c.vars()) {
                    vars.append(' ').append(names.get(v));
                }
                contradictions.add(c.getClass().getSimpleName() + vars);
            }
        }
    }

    /** Intersects a domain; wakes the constraints of a variable that changed. False when the domain became empty. */
    private boolean narrowTo(int v, long low, long high) {
        long newLo = Math.max(lo[v], low);
        long newHi = Math.min(hi[v], high);
        if (newLo > newHi) {
            contradictions.add(
                    "empty domain " + names.get(v) + " [" + lo[v] + "," + hi[v] + "] ∩ [" + low + "," + high + "]");
            return false;
        }
        if (newLo != lo[v] || newHi != hi[v]) {
            lo[v] = newLo;
            hi[v] = newHi;
            for (int id : watchers.get(v)) {
                enqueue(id);
            }
        }
        return true;
    }

    private record Linear(int[] vars, int[] coefficients, long constant) implements Constraint {
        @Override
        public boolean narrow(Bounds b) {
            long min = 0;
            long max = 0;
            for (int i = 0; i < vars.length; i++) {
                int v = vars[i];
                min += coefficients[i] > 0 ? b.lo[v] : -b.hi[v];
                max += coefficients[i] > 0 ? b.hi[v] : -b.lo[v];
            }
            if (constant < min || constant > max) {
                return false;
            }
            for (int i = 0; i < vars.length; i++) {
                int v = vars[i];
                long ownMin = coefficients[i] > 0 ? b.lo[v] : -b.hi[v];
                long ownMax = coefficients[i] > 0 ? b.hi[v] : -b.lo[v];
                // coefficient·x = constant − (the others), and the others lie in [min − ownMin, max − ownMax]
                long low = constant - (max - ownMax);
                long high = constant - (min - ownMin);
                boolean ok = coefficients[i] > 0 ? b.narrowTo(v, low, high) : b.narrowTo(v, -high, -low);
                if (!ok) {
                    return false;
                }
                // later terms see the narrowed domain on the next wake-up
            }
            return true;
        }
    }

    private record Pairs(int a, int b, long[] as, long[] bs, int[] vars) implements Constraint {
        Pairs(int a, int b, long[] as, long[] bs) {
            this(a, b, as, bs, new int[] {a, b});
        }

        @Override
        public boolean narrow(Bounds d) {
            long aLo = Long.MAX_VALUE;
            long aHi = Long.MIN_VALUE;
            long bLo = Long.MAX_VALUE;
            long bHi = Long.MIN_VALUE;
            for (int i = 0; i < as.length; i++) {
                if (as[i] >= d.lo[a] && as[i] <= d.hi[a] && bs[i] >= d.lo[b] && bs[i] <= d.hi[b]) {
                    aLo = Math.min(aLo, as[i]);
                    aHi = Math.max(aHi, as[i]);
                    bLo = Math.min(bLo, bs[i]);
                    bHi = Math.max(bHi, bs[i]);
                }
            }
            if (aLo > aHi) {
                return false;
            }
            return d.narrowTo(a, aLo, aHi) && d.narrowTo(b, bLo, bHi);
        }
    }

    private record EitherAtMost(int a, int b, long limit, int[] vars) implements Constraint {
        EitherAtMost(int a, int b, long limit) {
            this(a, b, limit, new int[] {a, b});
        }

        @Override
        public boolean narrow(Bounds d) {
            if (d.lo[a] > limit) {
                return d.narrowTo(b, 0, limit);
            }
            if (d.lo[b] > limit) {
                return d.narrowTo(a, 0, limit);
            }
            return true;
        }
    }
}

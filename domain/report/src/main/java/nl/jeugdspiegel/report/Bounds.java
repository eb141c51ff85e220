package nl.jeugdspiegel.report;

import java.util.ArrayList;
import java.util.Arrays;
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
    /** Per variable the ids of its constraints, {@code watcherCount[v]} of them (primitive: the audit has millions). */
    private int[][] watchers = new int[1024][];

    private int[] watcherCount = new int[1024];
    /** Constraints to narrow again: short ones first, the long sums once the short ones are settled. */
    private final IntQueue pending = new IntQueue();

    private final IntQueue pendingLong = new IntQueue();
    private boolean[] queued = new boolean[1024];
    private final List<String> contradictions = new ArrayList<>();

    private static final int[] EMPTY = new int[0];

    /** A FIFO of ints. */
    private static final class IntQueue {
        private int[] items = new int[1024];
        private int head;
        private int size;

        boolean isEmpty() {
            return size == 0;
        }

        void add(int value) {
            if (size == items.length) {
                int[] grown = new int[2 * items.length];
                for (int i = 0; i < size; i++) {
                    grown[i] = items[(head + i) % items.length];
                }
                items = grown;
                head = 0;
            }
            items[(head + size) % items.length] = value;
            size++;
        }

        int poll() {
            int value = items[head];
            head = (head + 1) % items.length;
            size--;
            return value;
        }

        void clear() {
            head = 0;
            size = 0;
        }
    }

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
        if (v == watchers.length) {
            watchers = Arrays.copyOf(watchers, 2 * v);
            watcherCount = Arrays.copyOf(watcherCount, 2 * v);
        }
        watchers[v] = EMPTY;
        watcherCount[v] = 0;
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
        for (int k = 0; k < watcherCount[v]; k++) {
            Constraint c = constraints.get(watchers[v][k]);
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
        for (int k = 0; k < watcherCount[v]; k++) {
            out.add(constraints.get(watchers[v][k]).vars());
        }
        return out;
    }

    /** The number of constraints so far: {@link #reset} goes back to it. */
    public int mark() {
        return constraints.size();
    }

    /**
     * Forgets every domain and the constraints added after {@code mark}, keeping the variables and the constraints
     * before it (to read a publication again after suppressing figures, without building its relations again).
     */
    public void reset(int mark) {
        for (int id = constraints.size() - 1; id >= mark; id--) {
            for (int v : constraints.get(id).vars()) {
                while (watcherCount[v] > 0 && watchers[v][watcherCount[v] - 1] >= mark) {
                    watcherCount[v]--;
                }
            }
            constraints.remove(id);
        }
        Arrays.fill(lo, 0, names.size(), 0);
        Arrays.fill(hi, 0, names.size(), UNKNOWN);
        pending.clear();
        pendingLong.clear();
        Arrays.fill(queued, false);
        contradictions.clear();
        for (int id = 0; id < mark; id++) {
            enqueue(id);
        }
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
            if (watcherCount[v] == watchers[v].length) {
                watchers[v] = Arrays.copyOf(watchers[v], Math.max(4, 2 * watcherCount[v]));
            }
            watchers[v][watcherCount[v]++] = id;
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
            int[] w = watchers[v];
            for (int k = 0; k < watcherCount[v]; k++) {
                enqueue(w[k]);
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

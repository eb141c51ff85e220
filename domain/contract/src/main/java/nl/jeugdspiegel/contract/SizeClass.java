package nl.jeugdspiegel.contract;

/** Size classes by inwoners_totaal (docs/contract.md §4). */
public enum SizeClass {
    K1("<20k", "minder dan 20.000 inwoners", 0, 20_000),
    K2("20-50k", "20.000 tot 50.000 inwoners", 20_000, 50_000),
    K3("50-100k", "50.000 tot 100.000 inwoners", 50_000, 100_000),
    K4("100-150k", "100.000 tot 150.000 inwoners", 100_000, 150_000),
    K5("150-250k", "150.000 tot 250.000 inwoners", 150_000, 250_000),
    K6(">=250k", "250.000 inwoners of meer", 250_000, Long.MAX_VALUE);

    private final String code;
    private final String naam;
    private final long from;
    private final long below;

    SizeClass(String code, String naam, long from, long below) {
        this.code = code;
        this.naam = naam;
        this.from = from;
        this.below = below;
    }

    public String code() {
        return code;
    }

    public String naam() {
        return naam;
    }

    public static SizeClass of(long inwoners) {
        for (SizeClass c : values()) {
            if (inwoners >= c.from && inwoners < c.below) {
                return c;
            }
        }
        throw new IllegalArgumentException("negative population " + inwoners);
    }
}

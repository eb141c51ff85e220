package nl.jeugdspiegel.core.reference;

import java.util.List;

/** One of the 42 youth-care regions, with its member municipalities (sorted by code). */
public record Jeugdregio(String code, String naam, List<Municipality> gemeenten) {}

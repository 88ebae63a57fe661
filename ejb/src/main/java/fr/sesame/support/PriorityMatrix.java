package fr.sesame.support;

import java.util.Arrays;

/**
 * Priority from urgency × impact, both 1 (very low) to 5 (very high), as GLPI computes it. Written in
 * configuration as five rows (urgency 1 to 5) of five priorities (impact 1 to 5):
 * {@code "1,1,2,2,2;1,2,2,3,3;2,2,3,4,4;2,3,4,4,5;2,3,4,5,5"} (GLPI's defaults).
 */
public final class PriorityMatrix {

    public static final String GLPI_DEFAULT = "1,1,2,2,2;1,2,2,3,3;2,2,3,4,4;2,3,4,4,5;2,3,4,5,5";
    public static final int LOWEST = 1;
    public static final int HIGHEST = 5;

    private final int[][] priorities;

    private PriorityMatrix(int[][] priorities) {
        this.priorities = priorities;
    }

    /**
     * @throws IllegalArgumentException when the text is not five rows of five numbers from 1 to 5
     */
    public static PriorityMatrix parse(String text) {
        String[] rows = text.strip().split(";");
        if (rows.length != 5) {
            throw new IllegalArgumentException("A priority matrix has 5 rows (urgency 1 to 5): " + text);
        }
        int[][] priorities = new int[5][];
        for (int urgency = 0; urgency < 5; urgency++) {
            priorities[urgency] = Arrays.stream(rows[urgency].split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
            if (priorities[urgency].length != 5 || Arrays.stream(priorities[urgency]).anyMatch(p -> p < LOWEST || p > HIGHEST)) {
                throw new IllegalArgumentException("Each row has 5 priorities from 1 to 5: " + rows[urgency]);
            }
        }
        return new PriorityMatrix(priorities);
    }

    /** The priority of a request; urgency and impact outside 1–5 count as the nearest bound. */
    public int priorityOf(int urgency, int impact) {
        return priorities[bound(urgency) - 1][bound(impact) - 1];
    }

    private static int bound(int level) {
        return Math.max(LOWEST, Math.min(HIGHEST, level));
    }
}

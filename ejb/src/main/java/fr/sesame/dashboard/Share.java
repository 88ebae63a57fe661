package fr.sesame.dashboard;

/**
 * A part of a whole, as a whole percentage: {@code 2} of {@code 3} is 67 %. Nothing of nothing has no
 * share: a page shows a dash, not 0 % nor 100 %.
 */
public record Share(long part, long whole) {

    public Share {
        if (part < 0 || whole < 0 || part > whole) {
            throw new IllegalArgumentException("Not a share: " + part + " of " + whole);
        }
    }

    public boolean known() {
        return whole > 0;
    }

    /** Rounded to the nearest whole percent; 0 when unknown. */
    public long percent() {
        return whole == 0 ? 0 : Math.round(100.0 * part / whole);
    }
}

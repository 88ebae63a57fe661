package fr.sesame.activation;

/**
 * The verdict on a typed one-time code.
 *
 * @param triesLeft how many more tries the code allows (for {@link Outcome#WRONG})
 */
public record CodeCheck(Outcome outcome, int triesLeft) {

    public enum Outcome {
        /** Right: the agent may choose the password. */
        VERIFIED,
        /** Wrong, with tries left. */
        WRONG,
        /** Wrong for the last time: back to step 1. */
        EXHAUSTED,
        /** No valid code any more (expired, or none sent): back to step 1. */
        EXPIRED
    }

    public boolean isVerified() {
        return outcome == Outcome.VERIFIED;
    }
}

package fr.sesame.mail;

/** A message was not delivered this time, and what becomes of it; told once the courier's record commits. */
public record DeliveryFailed(Outcome outcome) {

    public enum Outcome {
        /** The relay or the gateway did not take it now (down, busy): it is tried again later. */
        RETRY,
        /** Refused for good (an unknown recipient, a body sealed with another key): status FAILED. */
        REFUSED,
        /** What it carried (a code, a link) stopped being of use before it could leave: status EXPIRED. */
        EXPIRED
    }
}

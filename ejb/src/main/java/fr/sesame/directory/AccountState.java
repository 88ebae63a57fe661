package fr.sesame.directory;

import java.util.Locale;

/**
 * Where an account stands in its life, as written in the directory.
 * An entry without a state is taken as active: the directory may manage accounts Sésame never saw.
 */
public enum AccountState {
    /** Created from the HR file, waiting for its owner to activate it with the NUMEN. */
    PENDING,
    /** In use. */
    ACTIVE,
    /** Locked by the hotline or the security officer: no login until unlocked. */
    LOCKED,
    /**
     * Closed after the agent's last day of service (the HR file's end date): locked in the directory too,
     * and never unlocked by Sésame.
     */
    DEPARTED;

    /** The value stored in the directory. */
    public String directoryValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static AccountState fromDirectory(String value) {
        if (value == null || value.isBlank()) {
            return ACTIVE;
        }
        for (AccountState state : values()) {
            if (state.directoryValue().equalsIgnoreCase(value.strip())) {
                return state;
            }
        }
        // An unknown value must never open a door: treat it as locked.
        return LOCKED;
    }
}

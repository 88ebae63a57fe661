package fr.sesame.directory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccountStateTest {

    @Test
    void readsTheDirectoryValuesWhateverTheirCase() {
        assertThat(AccountState.fromDirectory("pending")).isEqualTo(AccountState.PENDING);
        assertThat(AccountState.fromDirectory(" Active ")).isEqualTo(AccountState.ACTIVE);
        assertThat(AccountState.fromDirectory("LOCKED")).isEqualTo(AccountState.LOCKED);
        assertThat(AccountState.fromDirectory("departed")).isEqualTo(AccountState.DEPARTED);
    }

    @Test
    void noStateMeansAnAccountManagedElsewhereAndActive() {
        assertThat(AccountState.fromDirectory(null)).isEqualTo(AccountState.ACTIVE);
        assertThat(AccountState.fromDirectory("")).isEqualTo(AccountState.ACTIVE);
    }

    @Test
    void anythingUnknownIsLocked() {
        assertThat(AccountState.fromDirectory("disabled")).isEqualTo(AccountState.LOCKED);
    }

    @Test
    void writesTheValueTheDirectoryExpects() {
        assertThat(AccountState.PENDING.directoryValue()).isEqualTo("pending");
    }
}

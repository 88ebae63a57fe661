package fr.sesame.account;

import fr.sesame.activation.LinkStatus;
import fr.sesame.directory.AccountState;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AccountStandingTest {

    @Test
    void aLockedAccountIsLockedWhateverElse() {
        assertThat(AccountStanding.of(AccountState.LOCKED, Optional.of(LinkStatus.VALID), true, true))
                .isEqualTo(AccountStanding.LOCKED);
    }

    @Test
    void aDepartedAccountIsClosedWhateverElse() {
        assertThat(AccountStanding.of(AccountState.DEPARTED, Optional.of(LinkStatus.VALID), false, true))
                .isEqualTo(AccountStanding.DEPARTED);
    }

    @Test
    void aPendingAccountStandsByItsInvitation() {
        assertThat(AccountStanding.of(AccountState.PENDING, Optional.empty(), false, false)).isEqualTo(AccountStanding.NOT_INVITED);
        assertThat(AccountStanding.of(AccountState.PENDING, Optional.of(LinkStatus.VALID), false, false))
                .isEqualTo(AccountStanding.AWAITING_ACTIVATION);
        assertThat(AccountStanding.of(AccountState.PENDING, Optional.of(LinkStatus.EXPIRED), false, true))
                .isEqualTo(AccountStanding.INVITATION_EXPIRED);
        assertThat(AccountStanding.of(AccountState.PENDING, Optional.of(LinkStatus.REPLACED), false, false))
                .isEqualTo(AccountStanding.INVITATION_EXPIRED);
    }

    @Test
    void anActiveAccountIsHeldBackByALockOutFirstThenByAnExpiredPassword() {
        assertThat(AccountStanding.of(AccountState.ACTIVE, Optional.empty(), true, true)).isEqualTo(AccountStanding.LOCKED_OUT);
        assertThat(AccountStanding.of(AccountState.ACTIVE, Optional.empty(), true, false)).isEqualTo(AccountStanding.PASSWORD_EXPIRED);
        assertThat(AccountStanding.of(AccountState.ACTIVE, Optional.of(LinkStatus.ALREADY_ACTIVE), false, false))
                .isEqualTo(AccountStanding.OPEN);
    }
}

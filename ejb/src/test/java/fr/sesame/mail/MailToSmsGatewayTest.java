package fr.sesame.mail;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MailToSmsGatewayTest {

    @Test
    void eachNumberHasItsOwnMailbox() {
        assertThat(MailToSmsGateway.mailbox("+33612345678", "sms.sesame.test")).isEqualTo("33612345678@sms.sesame.test");
    }

    @Test
    void somethingThatIsNotANumberIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> MailToSmsGateway.mailbox("abc", "sms.sesame.test"));
    }
}

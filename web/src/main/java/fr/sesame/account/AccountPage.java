package fr.sesame.account;

import fr.sesame.security.RequiresRole;
import fr.sesame.security.Roles;
import fr.sesame.directory.DirectoryUnavailableException;
import fr.sesame.web.Messages;
import fr.sesame.web.Site;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/** "Mon compte": who the directory says you are. */
@RequiresRole({Roles.AGENT, Roles.REFERENT, Roles.HOTLINE, Roles.EXPERT, Roles.RSSI, Roles.ADMIN})
@Named
@RequestScoped
public class AccountPage {

    @Inject
    AccountService accounts;

    @Inject
    Messages messages;

    @Inject
    Site site;

    @Inject
    fr.sesame.secondfactor.SecondFactorService secondFactors;

    private AccountSummary account;
    private List<String> roles = List.of();

    /** View action: reads the account from the directory; a directory outage becomes a calm message. */
    public void load() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        String identifiant = external.getRemoteUser();
        try {
            account = accounts.summaryOf(identifiant);
            roles = Roles.ALL.stream().filter(external::isUserInRole).toList();
        } catch (AccountNotFoundException e) {
            messages.error("account.notFound");
        } catch (DirectoryUnavailableException e) {
            messages.error("error.directoryUnavailable");
        }
    }

    public AccountSummary getAccount() {
        return account;
    }

    /** Whether logins to this account ask for the authenticator app's code. */
    public boolean isSecondFactorOn() {
        return account != null && secondFactors.isEnabled(account.identifiant());
    }

    public List<String> getRoles() {
        return roles;
    }

    public String getPasswordChangedOn() {
        return account == null ? null : account.passwordChangedAt().map(this::date).orElse(null);
    }

    public String getPasswordExpiresOn() {
        return account == null ? null : account.passwordExpiresAt().map(this::date).orElse(null);
    }

    private String date(java.time.Instant instant) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(FacesContext.getCurrentInstance().getViewRoot().getLocale())
                .format(instant.atZone(site.getZone()));
    }
}

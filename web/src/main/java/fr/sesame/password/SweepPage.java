package fr.sesame.password;

import fr.sesame.security.RequiresRole;
import fr.sesame.security.Roles;
import fr.sesame.directory.DirectoryUnavailableException;
import fr.sesame.web.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Clock;

/** The administrators' button to run the password renewal sweep now instead of tonight. */
@RequiresRole({Roles.ADMIN})
@Named
@RequestScoped
public class SweepPage {

    @Inject
    RotationSweeper sweeper;

    @Inject
    Messages messages;

    @Inject
    Clock clock;

    public void runNow() {
        try {
            SweepReport report = sweeper.runNow(clock.instant());
            messages.info("sweep.done", report.examined(), report.due(), report.sent(), report.skipped());
        } catch (DirectoryUnavailableException e) {
            messages.error("error.directoryUnavailable");
        }
    }
}

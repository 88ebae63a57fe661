package fr.sesame.device;

import fr.sesame.directory.Agent;
import fr.sesame.directory.Directory;
import fr.sesame.directory.DirectoryUnavailableException;
import fr.sesame.security.TooManyAttemptsException;
import fr.sesame.web.Messages;
import fr.sesame.web.Requests;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * "/appareils": the settings of every device family, the Apple profile and its QR code, and the
 * connection test. Anyone may read the settings; a logged-in agent sees their own address and
 * username in them.
 */
@Named
@ViewScoped
public class DevicesPage implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The Apple profile's address, under /compte so that only its owner downloads it. */
    public static final String PROFILE_PATH = "/compte/appareils/profil";

    @Inject
    DeviceSettings settings;

    @Inject
    Directory directory;

    @Inject
    DeviceConnectionTest connectionTest;

    @Inject
    Messages messages;

    @Inject
    @ConfigProperty(name = "sesame.public-url")
    String publicUrl;

    private String family = "android";
    private transient Optional<Agent> agent;
    private transient String password;
    private DeviceConnectionTest.Report report;

    public MailServers getServers() {
        return settings.servers();
    }

    /** The device families, in the order of the tabs. */
    public List<String> getFamilies() {
        return List.of("android", "iphone", "computer", "thunderbird");
    }

    public String getFamily() {
        return family;
    }

    /** The tab shown; anything unknown shows the first. */
    public void setFamily(String family) {
        this.family = getFamilies().contains(family) ? family : "android";
    }

    /** The numbered steps of the tab shown ({@code devices.<family>.step.1}, 2…). */
    public List<String> getSteps() {
        List<String> steps = new java.util.ArrayList<>();
        Endpoint imap = settings.servers().imap();
        Endpoint smtp = settings.servers().smtp();
        for (int n = 1; n < 20; n++) {
            String key = "devices." + family + ".step." + n;
            if (!messages.has(key)) {
                break;
            }
            steps.add(messages.text(key, imap.host(), String.valueOf(imap.port()), smtp.host(), String.valueOf(smtp.port()),
                    imap.security().label(), smtp.security().label()));
        }
        return steps;
    }

    /** The address row: the agent's own, or an example of the domain. */
    public String getAddressShown() {
        return isLoggedIn() ? getAddress() : messages.text("devices.settings.address.example", settings.servers().domain());
    }

    /** The username row: the agent's own, or what to type. */
    public String getUsernameShown() {
        if (isLoggedIn()) {
            return getUsername();
        }
        return messages.text(settings.servers().loginIsAddress() ? "devices.settings.username.address"
                : "devices.settings.username.identifiant");
    }

    public Optional<Agent> agent() {
        if (agent == null) {
            String identifiant = Requests.current().getRemoteUser();
            try {
                agent = identifiant == null ? Optional.empty() : directory.findByLogin(identifiant);
            } catch (DirectoryUnavailableException e) {
                agent = Optional.empty();
            }
        }
        return agent;
    }

    public boolean isLoggedIn() {
        return agent().isPresent();
    }

    /** The agent's address, or null when nobody is logged in. */
    public String getAddress() {
        return agent().map(Agent::academicAddress).orElse(null);
    }

    /** What the agent types as username, or null when nobody is logged in. */
    public String getUsername() {
        return agent().map(a -> settings.servers().loginOf(a.identifiant(), a.academicAddress())).orElse(null);
    }

    public String getProfilePath() {
        return PROFILE_PATH;
    }

    public String getProfileUrl() {
        return publicUrl.replaceAll("/+$", "") + PROFILE_PATH;
    }

    /** The QR code that opens the profile's download on the phone (markup we build, no user text in it). */
    public String getProfileQrCode() {
        return QrCodes.svg(getProfileUrl(), messages.text("devices.iphone.qr.label"));
    }

    public void test() {
        Optional<Agent> me = agent();
        if (me.isEmpty()) {
            return;
        }
        try {
            report = connectionTest.test(me.get(), password, Requests.clientAddress());
        } catch (TooManyAttemptsException e) {
            report = null;
            messages.fieldError("test:motDePasse", "devices.check.tooMany", e.minutesToWait());
        } catch (DirectoryUnavailableException e) {
            report = null;
            messages.error("error.directoryUnavailable");
        } finally {
            password = null;
        }
        if (report != null && report.verdict() == DeviceConnectionTest.Verdict.WRONG_PASSWORD) {
            messages.fieldError("test:motDePasse", "devices.check.WRONG_PASSWORD_DIRECTORY");
        }
    }

    public DeviceConnectionTest.Report getReport() {
        return report;
    }

    /** The sentence for one server's outcome, with the server's name and port in it. */
    public String explain(ConnectionCheck.Outcome outcome, boolean incoming) {
        Endpoint endpoint = incoming ? settings.servers().imap() : settings.servers().smtp();
        return messages.text("devices.check." + outcome, endpoint.host(), String.valueOf(endpoint.port()),
                endpoint.security().label());
    }


    public String getPassword() {
        return null;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}

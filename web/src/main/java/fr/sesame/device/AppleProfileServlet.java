package fr.sesame.device;

import fr.sesame.directory.Agent;
import fr.sesame.directory.Directory;
import fr.sesame.directory.DirectoryUnavailableException;
import fr.sesame.security.Roles;
import fr.sesame.web.LocaleSelection;
import fr.sesame.web.Messages;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The logged-in agent's Apple configuration profile: their address and username filled in, never a
 * password (iOS asks for it while installing).
 */
@WebServlet("/compte/appareils/profil")
@ServletSecurity(@HttpConstraint(rolesAllowed = {Roles.AGENT, Roles.REFERENT, Roles.HOTLINE, Roles.EXPERT, Roles.RSSI, Roles.ADMIN},
        transportGuarantee = ServletSecurity.TransportGuarantee.CONFIDENTIAL))
public class AppleProfileServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    DeviceSettings settings;

    @Inject
    Directory directory;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Agent> agent;
        try {
            agent = directory.findByLogin(request.getRemoteUser());
        } catch (DirectoryUnavailableException e) {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        if (agent.isEmpty() || agent.get().academicAddress() == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Agent me = agent.get();
        Locale language = LocaleSelection.of(request);
        String description = Messages.format(language, "devices.iphone.profile.description");
        byte[] profile = MailClientDocuments.appleProfile(settings.servers(), me.academicAddress(), me.identifiant(),
                me.displayName(), description).getBytes(StandardCharsets.UTF_8);
        response.setContentType(MailClientDocuments.APPLE_PROFILE_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\""
                + Messages.format(language, "devices.iphone.profile.fileName") + ".mobileconfig\"");
        response.setHeader("Cache-Control", "private, no-store");
        response.setContentLength(profile.length);
        response.getOutputStream().write(profile);
    }
}

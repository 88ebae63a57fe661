package fr.sesame.support;

import fr.sesame.security.Roles;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A file joined to a ticket, for whoever may see the ticket ("/compte/piece-jointe?ref=…&amp;id=…").
 * A ticket or file this person may not see is "not found", as on the ticket page. The file always
 * downloads (never shown in the page) with its recognised type ({@code nosniff} comes with every
 * response, from {@code SecurityHeadersFilter}).
 */
@WebServlet("/compte/piece-jointe")
@ServletSecurity(@HttpConstraint(rolesAllowed = {Roles.AGENT, Roles.REFERENT, Roles.HOTLINE, Roles.EXPERT, Roles.RSSI, Roles.ADMIN},
        transportGuarantee = ServletSecurity.TransportGuarantee.CONFIDENTIAL))
public class AttachmentServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    TicketService tickets;

    @Inject
    CurrentViewer viewer;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long id;
        try {
            id = Long.parseLong(request.getParameter("id"));
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        TicketAttachment file;
        try {
            file = tickets.attachment(request.getParameter("ref"), id, viewer.get());
        } catch (TicketNotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String mediaType = AttachmentPolicy.Kind.ofMediaType(file.mediaType()).map(AttachmentPolicy.Kind::mediaType)
                .orElse("application/octet-stream");
        response.setContentType(mediaType);
        response.setContentLength(file.size());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + asciiName(file.fileName())
                + "\"; filename*=UTF-8''" + URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8).replace("+", "%20"));
        response.setHeader("Cache-Control", "private, no-store");
        response.getOutputStream().write(file.content());
    }

    /** The name for browsers that only read the plain parameter: ASCII letters, digits and a few marks. */
    static String asciiName(String name) {
        String ascii = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z0-9._ -]", "_");
        return ascii.isBlank() ? "piece-jointe" : ascii;
    }
}

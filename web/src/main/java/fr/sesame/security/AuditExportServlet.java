package fr.sesame.security;

import fr.sesame.web.Messages;
import fr.sesame.web.Site;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import static fr.sesame.web.SpreadsheetCells.cell;

/**
 * "/securite/journal.csv": the audit trail as the journal's filters select it, as CSV that a
 * spreadsheet opens directly (UTF-8 with a byte-order mark, ';'), written a page at a time.
 */
@WebServlet("/securite/journal.csv")
@ServletSecurity(@HttpConstraint(rolesAllowed = {Roles.RSSI, Roles.ADMIN},
        transportGuarantee = ServletSecurity.TransportGuarantee.CONFIDENTIAL))
public class AuditExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditTrail trail;

    @Inject
    Site site;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.isUserInRole(Roles.RSSI) && !request.isUserInRole(Roles.ADMIN)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN); // behind the URL rule, the role itself
            return;
        }
        AuditQuery query = AuditJournalPage.queryOf(request.getParameter("agent"), request.getParameter("auteur"),
                request.getParameter("type"), request.getParameter("du"), request.getParameter("au"), site.getZone());
        Locale french = Locale.FRENCH;
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"journal-sesame.csv\"");
        response.setHeader("Cache-Control", "no-store");
        PrintWriter out = response.getWriter();
        out.print('\uFEFF');
        out.print(String.join(";", cell(Messages.format(french, "journal.column.at")),
                cell(Messages.format(french, "journal.column.type")), cell(Messages.format(french, "journal.column.agent")),
                cell(Messages.format(french, "journal.column.performedBy")),
                cell(Messages.format(french, "journal.column.client")), cell(Messages.format(french, "journal.column.detail")),
                cell(Messages.format(french, "journal.column.seq")), cell(Messages.format(french, "journal.column.hash")))
                + "\r\n");
        // Read here: the rows are written from inside the trail's bean, which does not see the web's bundles.
        Map<AuditEventType, String> kinds = new EnumMap<>(AuditEventType.class);
        for (AuditEventType type : AuditEventType.values()) {
            kinds.put(type, Messages.format(french, "audit.type." + type.name()));
        }
        trail.forEach(query, event -> out.print(String.join(";", cell(site.formatToTheSecond(event.occurredAt())),
                cell(kinds.get(event.type())), cell(event.actor()),
                cell(event.performedBy()), cell(event.clientAddress()), cell(event.detail()),
                event.chainSeq() == null ? "" : event.chainSeq().toString(), cell(event.hash())) + "\r\n"));
    }
}

-- The administrators' dashboard counts, per week or day, over index ranges: each index starts with the
-- date the period is cut on and carries the columns the count groups by, so the table itself is not read.
-- (Activations and lock-outs per period already have ix_audit_event_type, V16.)
-- Tickets opened, and resolved within their deadline, per week by category and level (a million tickets).
create index ix_ticket_created_category on ticket (created_at, category, support_level);
create index ix_ticket_resolved_category on ticket (resolved_at, category, support_level, resolve_deadline);
-- Messages refused or dropped, per day of queueing.
create index ix_outbound_message_created_status on outbound_message (created_at, status);

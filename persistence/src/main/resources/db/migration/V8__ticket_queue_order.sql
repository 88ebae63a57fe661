-- The hotline's lists read in the order of an index instead of sorting a million tickets for each
-- page: by priority then date (the default), and by date alone (newest first).
create index ix_ticket_priority_order on ticket (priority desc, created_at desc, id desc);
create index ix_ticket_created_order on ticket (created_at desc, id desc);

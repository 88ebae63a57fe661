-- Bulk messages (renewal reminders, sent by the thousand at night) wait behind the messages a
-- person is waiting for now (codes, links, notices).
alter table outbound_message add column bulk boolean default false not null;
create index ix_outbound_message_due_first on outbound_message (status, bulk, next_attempt_at);

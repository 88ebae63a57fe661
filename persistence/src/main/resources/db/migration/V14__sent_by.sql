-- Which server of the farm sent a renewal reminder, and delivered a message: what ops read after a
-- member died (who finished the sweep, who delivered what). Null for what was sent before.
alter table rotation_reminder add column sent_by varchar(64);
alter table outbound_message add column sent_by varchar(64);

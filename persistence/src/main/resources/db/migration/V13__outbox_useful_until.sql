-- A message waits for the mail server however long it is down, unless what it carries has no use any
-- more by then (a one-time code past its validity): that instant, null for the others.
alter table outbound_message add column useful_until timestamp with time zone;

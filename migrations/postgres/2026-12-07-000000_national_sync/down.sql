DROP TABLE national_log;
DROP TABLE national_messages;

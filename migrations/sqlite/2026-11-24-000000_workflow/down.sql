DROP TABLE signatures;
DROP TABLE review_evidence;
DROP TABLE review_events;
DROP TABLE reviews;
DROP TABLE signing_certificates;
DROP TABLE signing_authority;

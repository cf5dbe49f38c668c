ALTER TABLE reviews DROP COLUMN campaign_id;
DROP TABLE notifications;
DROP TABLE campaigns;

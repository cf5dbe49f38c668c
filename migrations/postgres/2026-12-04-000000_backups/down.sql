UPDATE accounts SET rights = TRIM(REPLACE(rights, 'manage_backups', '')) WHERE rights LIKE '%manage_backups%';
DROP TABLE restores;
DROP TABLE backups;

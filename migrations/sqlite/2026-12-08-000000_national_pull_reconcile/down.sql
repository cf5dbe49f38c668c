DROP TABLE national_corrections;
DROP TABLE national_differences;
DROP TABLE national_reconciliations;
DROP TABLE national_records;

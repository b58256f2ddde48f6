-- Exchequer SQL-edition shared schema: the company list (common.COMPANY, multi-record by RecPfix;
-- 'C' rows are companies). CompanyCode1 is a length-prefixed binary string (first byte = length).
-- IF NOT EXISTS: a file database may hold several companies; this script runs on H2 only.
CREATE SCHEMA IF NOT EXISTS [common];

CREATE TABLE IF NOT EXISTS [common].[COMPANY] (
  [PositionId] int IDENTITY NOT NULL,
  [RecPfix] varchar(1) DEFAULT '' NOT NULL,
  [CompanyCode1] binary(7) DEFAULT X'' NOT NULL,
  [Company_code2] varchar(45) DEFAULT '' NOT NULL,
  [Company_code3] binary(101) DEFAULT X'' NOT NULL,
  [CompId] int DEFAULT 0 NOT NULL,
  [CompDemoData] bit DEFAULT 0 NOT NULL,
  CONSTRAINT [COMPANY_Index_Identity] UNIQUE ([PositionId])
);

-- The language a member chose with /language (a locale tag such as `zh-CN`), and the one their
-- app last reported (Telegram's language_code, Discord's interaction locale), mapped to a
-- locale Steward speaks. NULL: not chosen / never reported. Replies prefer the choice, then the
-- app's, then the community's.
ALTER TABLE members ADD COLUMN language TEXT;
ALTER TABLE members ADD COLUMN app_language TEXT;
